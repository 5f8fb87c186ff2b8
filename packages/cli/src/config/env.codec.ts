/** Every environment variable the provisioner reads, with its codec. A variable set to "" counts as unset. */
import * as t from 'io-ts';
import {
  httpUrlFromEnv,
  integerFromEnv,
  keyFromEnv,
  oneOfFromEnv,
  postgresUrlFromEnv,
  secretFromEnv,
  textFromEnv,
  uuidFromEnv,
} from './env-value.codec.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const EnvConfig = t.partial({
  PORT: integerFromEnv(0, 65535),
  HOST: textFromEnv,
  AIRBYTE_API_URL: httpUrlFromEnv(
    'set AIRBYTE_USERNAME and AIRBYTE_PASSWORD instead (or AIRBYTE_CLIENT_ID + AIRBYTE_CLIENT_SECRET, or AIRBYTE_TOKEN)',
  ),
  AIRBYTE_WORKSPACE_ID: uuidFromEnv,
  AIRBYTE_CLIENT_ID: textFromEnv,
  AIRBYTE_CLIENT_SECRET: secretFromEnv,
  AIRBYTE_TOKEN: secretFromEnv,
  AIRBYTE_USERNAME: textFromEnv,
  AIRBYTE_PASSWORD: secretFromEnv,
  AIRBYTE_UI_URL: httpUrlFromEnv('results link to it, so leave them out'),
  AIRBYTE_UI_LINKS: oneOfFromEnv(['on', 'off']),
  AIRBYTE_TIMEOUT_MS: integerFromEnv(1),
  AIRBYTE_MAX_CONCURRENT_CALLS: integerFromEnv(1, 1024),
  AIRBYTE_JOB_POLL_MS: integerFromEnv(1),
  AIRBYTE_ACL_MODE: oneOfFromEnv(['off', 'workspace-role']),
  AIRBYTE_ORGANIZATION_ID: uuidFromEnv,
  AIRBYTE_WORKSPACE_MODE: oneOfFromEnv(['shared', 'per-data-product']),
  AIRBYTE_WORKSPACE_NAME_TEMPLATE: textFromEnv,
  AIRBYTE_ACL_ROLE: oneOfFromEnv([
    'workspace_reader',
    'workspace_runner',
    'workspace_editor',
    'workspace_admin',
  ]),
  PROVISION_MODE: oneOfFromEnv(['async', 'sync']),
  API_TOKEN: keyFromEnv,
  SNOWFLAKE_HOST: textFromEnv,
  SNOWFLAKE_ROLE: textFromEnv,
  SNOWFLAKE_WAREHOUSE: textFromEnv,
  SNOWFLAKE_USER: textFromEnv,
  SNOWFLAKE_PASSWORD: secretFromEnv,
  LOG_LEVEL: oneOfFromEnv(LOG_LEVELS),
  TASK_TTL_SECONDS: integerFromEnv(1),
  TASK_MAX_COUNT: integerFromEnv(1),
  BODY_LIMIT_BYTES: integerFromEnv(1024),
  SHUTDOWN_GRACE_MS: integerFromEnv(0),
  SECRET_FINGERPRINT_KEY: keyFromEnv,
  PROVISIONER_CONFIG: textFromEnv,
  DATABASE_URL: postgresUrlFromEnv,
  STATE_ENCRYPTION_KEY: keyFromEnv,
  LEASE_TTL_SECONDS: integerFromEnv(1, 3600),
  TASK_MAX_TAKEOVERS: integerFromEnv(0, 100),
});
export type EnvConfig = t.TypeOf<typeof EnvConfig>;

export type EnvVariable = keyof typeof EnvConfig.props;

export const ENV_VARIABLES = Object.keys(EnvConfig.props) as ReadonlyArray<EnvVariable>;

/** Only our variables, and only those with a non-empty value. */
export const relevantEnv = (env: Readonly<Record<string, string | undefined>>): Record<string, string> =>
  Object.fromEntries(
    ENV_VARIABLES.flatMap((name) => {
      const value = env[name];
      return value === undefined || value.trim() === '' ? [] : [[name, value]];
    }),
  );
