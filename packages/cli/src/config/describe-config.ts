/**
 * The effective configuration as `airbyte-provisioner config` prints it: every value, with each secret
 * replaced by a marker that says where it came from but never what it is.
 */
import {
  DEFAULT_MAX_CONCURRENT_CALLS,
  DEFAULT_TIMEOUT_MS,
  redactConfiguration,
} from '@airbyte-provisioner/adapter-airbyte';
import { DEFAULT_BODY_LIMIT_BYTES } from '@airbyte-provisioner/adapter-http';
import type { AirbyteAuth } from '@airbyte-provisioner/adapter-airbyte';
import {
  DEFAULT_JOB_POLL_INTERVAL_MS,
  DEFAULT_WORKSPACE_NAME_TEMPLATE,
  type JsonObject,
  type JsonValue,
} from '@airbyte-provisioner/core';
import type { AppConfig } from './app-config.js';

export const SECRET_MARK = '[redacted]';

const describeAuth = (auth: AirbyteAuth): JsonObject => {
  switch (auth.type) {
    case 'clientCredentials':
      return { type: auth.type, clientId: auth.clientId, clientSecret: SECRET_MARK };
    case 'bearer':
      return { type: auth.type, token: SECRET_MARK };
    case 'basic':
      return { type: auth.type, username: auth.username, password: SECRET_MARK };
    case 'none':
      return { type: auth.type };
  }
};

const redactPath = (value: JsonValue, path: ReadonlyArray<string>): JsonValue => {
  if (path.length === 0) return SECRET_MARK;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const object = value as JsonObject;
  const child = object[head];
  return child === undefined ? object : { ...object, [head]: redactPath(child, rest) };
};

const describeProfiles = (config: AppConfig): JsonValue => {
  const byPath = config.profileSecretPaths.reduce<JsonValue>(
    (acc, path) => redactPath(acc, path.split('.')),
    config.profiles as unknown as JsonObject,
  );
  // and anything under a secret-looking key, in case a secret was written into the file itself
  return redactConfiguration(byPath as JsonObject);
};

export const describeConfig = (config: AppConfig): JsonObject => ({
  server: {
    port: config.server.port,
    host: config.server.host,
    provisionMode: config.server.provisionMode,
    apiToken: config.server.apiToken === undefined ? null : SECRET_MARK,
    bodyLimitBytes: config.server.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    shutdownGraceMs: config.server.shutdownGraceMs,
  },
  airbyte:
    config.airbyte === undefined
      ? null
      : {
          apiUrl: config.airbyte.apiUrl,
          workspaceId: config.airbyte.workspaceId,
          auth: describeAuth(config.airbyte.auth),
          uiUrl: config.airbyte.uiUrl ?? null,
          timeoutMs: config.airbyte.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxConcurrentCalls: config.airbyte.maxConcurrentCalls ?? DEFAULT_MAX_CONCURRENT_CALLS,
          jobPollMs: config.airbyte.jobPollMs ?? DEFAULT_JOB_POLL_INTERVAL_MS,
          access:
            config.airbyte.access === undefined
              ? 'off'
              : { mode: 'workspace-role', ...config.airbyte.access },
        },
  workspaces: {
    mode: config.perDataProduct === undefined ? 'shared' : 'per-data-product',
    nameTemplate: config.perDataProduct?.template.text ?? DEFAULT_WORKSPACE_NAME_TEMPLATE,
    organizationId: config.perDataProduct?.organizationId ?? null,
  },
  tasks: { ttlMs: config.tasks.ttlMs, maxTasks: config.tasks.maxTasks },
  logLevel: config.logLevel,
  profiles: describeProfiles(config),
  secretFingerprintKey:
    config.fingerprintKey.source === 'env' ? SECRET_MARK : 'derived from the Airbyte credentials',
  configFile: config.configFile ?? null,
  ...(config.state === undefined
    ? {}
    : {
        state: {
          databaseUrl: SECRET_MARK,
          encryptionKey: config.state.encryptionKey === undefined ? null : SECRET_MARK,
          leaseTtlMs: config.state.leaseTtlMs,
          maxTakeovers: config.state.maxTakeovers,
        },
      }),
});

type Env = Readonly<Record<string, string | undefined>>;

/** Each setting of `describeConfig` by dot path, and the variable that sets it. */
const ENV_OF: ReadonlyArray<readonly [string, string]> = [
  ['server.port', 'PORT'],
  ['server.host', 'HOST'],
  ['server.provisionMode', 'PROVISION_MODE'],
  ['server.apiToken', 'API_TOKEN'],
  ['server.bodyLimitBytes', 'BODY_LIMIT_BYTES'],
  ['server.shutdownGraceMs', 'SHUTDOWN_GRACE_MS'],
  ['airbyte.apiUrl', 'AIRBYTE_API_URL'],
  ['airbyte.workspaceId', 'AIRBYTE_WORKSPACE_ID'],
  ['airbyte.uiUrl', 'AIRBYTE_UI_URL'],
  ['airbyte.timeoutMs', 'AIRBYTE_TIMEOUT_MS'],
  ['airbyte.maxConcurrentCalls', 'AIRBYTE_MAX_CONCURRENT_CALLS'],
  ['airbyte.jobPollMs', 'AIRBYTE_JOB_POLL_MS'],
  ['airbyte.access', 'AIRBYTE_ACL_MODE'],
  ['workspaces.mode', 'AIRBYTE_WORKSPACE_MODE'],
  ['workspaces.nameTemplate', 'AIRBYTE_WORKSPACE_NAME_TEMPLATE'],
  ['workspaces.organizationId', 'AIRBYTE_ORGANIZATION_ID'],
  ['tasks.ttlMs', 'TASK_TTL_SECONDS'],
  ['tasks.maxTasks', 'TASK_MAX_COUNT'],
  ['logLevel', 'LOG_LEVEL'],
  ['secretFingerprintKey', 'SECRET_FINGERPRINT_KEY'],
  ['configFile', 'PROVISIONER_CONFIG'],
];

const AUTH_VARS: Readonly<Record<string, ReadonlyArray<string>>> = {
  clientCredentials: ['AIRBYTE_CLIENT_ID', 'AIRBYTE_CLIENT_SECRET'],
  bearer: ['AIRBYTE_TOKEN'],
  basic: ['AIRBYTE_USERNAME', 'AIRBYTE_PASSWORD'],
  none: [],
};

const isSet = (env: Env, name: string): boolean => (env[name] ?? '') !== '';

const DEFAULT_ORIGIN: Readonly<Record<string, string>> = {
  'airbyte.uiUrl': 'unset: results link to no Airbyte UI',
  configFile: 'unset: no profile file',
  'server.apiToken': 'unset: the routes need no token',
};

/**
 * Where each setting's value comes from: `default`, `env NAME`, or the profile file. Paths are those of
 * `describeConfig`; settings of a part that is not configured (no Airbyte) are left out.
 */
export const configOrigins = (config: AppConfig, env: Env): Readonly<Record<string, string>> => {
  const origins: Record<string, string> = {};
  for (const [path, name] of ENV_OF) {
    if (path.startsWith('airbyte.') && config.airbyte === undefined) continue;
    origins[path] = isSet(env, name) ? `env ${name}` : (DEFAULT_ORIGIN[path] ?? 'default');
  }
  if (config.airbyte === undefined) origins['airbyte'] = 'unset: no AIRBYTE_API_URL, AIRBYTE_WORKSPACE_ID';
  else origins['airbyte.auth'] = `env ${(AUTH_VARS[config.airbyte.auth.type] ?? []).join(' + ') || '(none)'}`;
  const snowflakeVars = Object.keys(env).filter((name) => name.startsWith('SNOWFLAKE_') && isSet(env, name));
  const profileSources = [
    ...(config.configFile === undefined ? [] : [`profile file ${config.configFile}`]),
    ...(snowflakeVars.length === 0 ? [] : [`env ${snowflakeVars.sort().join(', ')}`]),
  ];
  origins['profiles'] = profileSources.length === 0 ? 'default: none' : profileSources.join(' and ');
  return origins;
};
