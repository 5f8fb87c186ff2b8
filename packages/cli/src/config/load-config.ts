/**
 * Builds the effective configuration from the env and the optional profiles file. Every problem is
 * collected before anything is decided, so one start-up attempt shows all of them, each naming its
 * variable (or the file and the field).
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  decodeWith,
  defaultTaskRepositoryLimits,
  DEFAULT_WORKSPACE_NAME_TEMPLATE,
  noConnectorProfiles,
  parseWorkspaceNameTemplate,
  parseYamlSafely,
  problem,
  type Problem,
  type WorkspaceNameTemplate,
} from '@airbyte-provisioner/core';
import {
  DEFAULT_HOST,
  DEFAULT_LEASE_TTL_MS,
  DEFAULT_MAX_TAKEOVERS,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_GRACE_MS,
  type AirbyteConfig,
  type AppConfig,
} from './app-config.js';
import { airbyteAuthOf, airbytePresenceProblems, airbyteRequested } from './airbyte-env.js';
import { mergeProfiles, snowflakeFromEnv, SNOWFLAKE_PASSWORD_PATH } from './connector-profiles.js';
import { resolveReferences } from './env-references.js';
import { EnvConfig, relevantEnv } from './env.codec.js';
import { ProfilesFile } from './profiles-file.codec.js';

export interface ConfigSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a text file; Left carries a readable reason (e.g. "no such file"). */
  readonly readTextFile: (path: string) => E.Either<string, string>;
}

interface LoadedFile {
  readonly file: ProfilesFile;
  readonly secretPaths: ReadonlyArray<string>;
  readonly problems: ReadonlyArray<Problem>;
}

const emptyFile: LoadedFile = { file: {}, secretPaths: [], problems: [] };

const prefixed = (path: string, problems: ReadonlyArray<Problem>): ReadonlyArray<Problem> =>
  problems.map((p) => problem(p.path === '' ? path : `${path}: ${p.path}`, p.message));

const loadProfilesFile = (path: string, sources: ConfigSources): LoadedFile => {
  const text = sources.readTextFile(path);
  if (E.isLeft(text))
    return { ...emptyFile, problems: [problem('PROVISIONER_CONFIG', `cannot read ${path}: ${text.left}`)] };
  // parsed as safely as a descriptor, and its problems never quote a line of the file (which may hold a
  // secret written in clear instead of as an env reference)
  // read once, and it may hold secrets in clear: parsed without keeping the text in the YAML memo
  const parsed = parseYamlSafely(text.right, path);
  if (E.isLeft(parsed)) return { ...emptyFile, problems: parsed.left };
  const decoded = decodeWith(ProfilesFile)(parsed.right ?? {});
  if (E.isLeft(decoded)) return { ...emptyFile, problems: prefixed(path, decoded.left) };
  // the decoded file is plain JSON: references are resolved in it, at any depth
  const resolved = resolveReferences(decoded.right, '', sources.env);
  return {
    file: resolved.value,
    secretPaths: resolved.secretPaths,
    problems: prefixed(path, resolved.problems),
  };
};

/**
 * The Airbyte web UI that an API URL implies, so that results link to the connection out of the box:
 * self-managed Airbyte serves the public API under `<airbyte>/api/public/v1`, Airbyte Cloud at
 * `api.airbyte.com` with its web app at `cloud.airbyte.com`. Any other API URL implies nothing.
 */
export const uiUrlImpliedBy = (apiUrl: string): string | undefined => {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.airbyte.com') return 'https://cloud.airbyte.com';
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api/public/v1')) return undefined;
  return `${url.origin}${path.slice(0, -'/api/public/v1'.length)}`;
};

const uiUrlOf = (env: EnvConfig & { readonly AIRBYTE_API_URL: string }): string | undefined =>
  env.AIRBYTE_UI_LINKS === 'off' ? undefined : (env.AIRBYTE_UI_URL ?? uiUrlImpliedBy(env.AIRBYTE_API_URL));

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });

const airbyteConfigOf = (env: EnvConfig): AirbyteConfig | undefined =>
  env.AIRBYTE_API_URL === undefined || env.AIRBYTE_WORKSPACE_ID === undefined
    ? undefined
    : {
        apiUrl: env.AIRBYTE_API_URL,
        workspaceId: env.AIRBYTE_WORKSPACE_ID,
        auth: airbyteAuthOf(env),
        ...optional('uiUrl', uiUrlOf({ ...env, AIRBYTE_API_URL: env.AIRBYTE_API_URL })),
        ...(env.AIRBYTE_TIMEOUT_MS === undefined ? {} : { timeoutMs: env.AIRBYTE_TIMEOUT_MS }),
        ...(env.AIRBYTE_MAX_CONCURRENT_CALLS === undefined
          ? {}
          : { maxConcurrentCalls: env.AIRBYTE_MAX_CONCURRENT_CALLS }),
        ...(env.AIRBYTE_JOB_POLL_MS === undefined ? {} : { jobPollMs: env.AIRBYTE_JOB_POLL_MS }),
        ...(env.AIRBYTE_ACL_MODE === 'workspace-role' && env.AIRBYTE_ORGANIZATION_ID !== undefined
          ? {
              access: {
                organizationId: env.AIRBYTE_ORGANIZATION_ID,
                role: env.AIRBYTE_ACL_ROLE ?? 'workspace_reader',
              },
            }
          : {}),
      };

/** The checked name template of per-data-product mode (the default one when unset). */
const templateOf = (raw: Readonly<Record<string, string>>): E.Either<string, WorkspaceNameTemplate> =>
  parseWorkspaceNameTemplate(raw['AIRBYTE_WORKSPACE_NAME_TEMPLATE'] ?? DEFAULT_WORKSPACE_NAME_TEMPLATE);

/** An unusable template stops start-up, in either mode: switching modes later must not reveal it. */
const workspaceProblems = (raw: Readonly<Record<string, string>>): ReadonlyArray<Problem> =>
  pipe(
    templateOf(raw),
    E.match(
      (message) => [problem('AIRBYTE_WORKSPACE_NAME_TEMPLATE', message)],
      () => [],
    ),
  );

const perDataProductOf = (
  env: EnvConfig,
  raw: Readonly<Record<string, string>>,
): Pick<AppConfig, 'perDataProduct'> => {
  const template = templateOf(raw);
  return env.AIRBYTE_WORKSPACE_MODE !== 'per-data-product' || E.isLeft(template)
    ? {}
    : {
        perDataProduct: {
          template: template.right,
          ...optional('organizationId', env.AIRBYTE_ORGANIZATION_ID),
        },
      };
};

/** workspace-role grants within an organization: it must be named. */
const aclProblems = (raw: Readonly<Record<string, string>>): ReadonlyArray<Problem> =>
  raw['AIRBYTE_ACL_MODE'] === 'workspace-role' && raw['AIRBYTE_ORGANIZATION_ID'] === undefined
    ? [problem('AIRBYTE_ORGANIZATION_ID', 'is required with AIRBYTE_ACL_MODE=workspace-role')]
    : [];

export const loadConfig = (sources: ConfigSources): E.Either<ReadonlyArray<Problem>, AppConfig> => {
  const raw = relevantEnv(sources.env);
  const decoded = decodeWith(EnvConfig)(raw);
  const presence = [...airbytePresenceProblems(raw), ...aclProblems(raw), ...workspaceProblems(raw)];
  const configFile = raw['PROVISIONER_CONFIG']?.trim();
  const loaded = configFile === undefined ? emptyFile : loadProfilesFile(configFile, sources);
  const problems = [...(E.isLeft(decoded) ? decoded.left : []), ...presence, ...loaded.problems];
  if (E.isLeft(decoded) || problems.length > 0) return E.left(problems);
  const env = decoded.right;
  const airbyte = airbyteRequested(raw) ? airbyteConfigOf(env) : undefined;
  const profiles =
    configFile === undefined && Object.keys(snowflakeFromEnv(env)).length === 0
      ? noConnectorProfiles
      : mergeProfiles(loaded.file, env);
  return E.right({
    server: {
      port: env.PORT ?? DEFAULT_PORT,
      host: env.HOST ?? DEFAULT_HOST,
      provisionMode: env.PROVISION_MODE ?? 'async',
      ...(env.API_TOKEN === undefined ? {} : { apiToken: env.API_TOKEN }),
      ...(env.BODY_LIMIT_BYTES === undefined ? {} : { bodyLimitBytes: env.BODY_LIMIT_BYTES }),
      shutdownGraceMs: env.SHUTDOWN_GRACE_MS ?? DEFAULT_SHUTDOWN_GRACE_MS,
    },
    ...(airbyte === undefined ? {} : { airbyte }),
    ...perDataProductOf(env, raw),
    tasks: {
      ttlMs:
        env.TASK_TTL_SECONDS === undefined ? defaultTaskRepositoryLimits.ttlMs : env.TASK_TTL_SECONDS * 1000,
      maxTasks: env.TASK_MAX_COUNT ?? defaultTaskRepositoryLimits.maxTasks,
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    commandLogLevel: env.LOG_LEVEL ?? 'warn',
    profiles,
    profileSecretPaths: [
      ...loaded.secretPaths,
      ...(env.SNOWFLAKE_PASSWORD === undefined ? [] : [SNOWFLAKE_PASSWORD_PATH]),
    ],
    fingerprintKey:
      env.SECRET_FINGERPRINT_KEY === undefined
        ? { source: 'derived' }
        : { source: 'env', key: env.SECRET_FINGERPRINT_KEY },
    ...(configFile === undefined ? {} : { configFile }),
    ...(env.DATABASE_URL === undefined
      ? {}
      : {
          state: {
            databaseUrl: env.DATABASE_URL,
            ...(env.STATE_ENCRYPTION_KEY === undefined ? {} : { encryptionKey: env.STATE_ENCRYPTION_KEY }),
            leaseTtlMs:
              env.LEASE_TTL_SECONDS === undefined ? DEFAULT_LEASE_TTL_MS : env.LEASE_TTL_SECONDS * 1000,
            maxTakeovers: env.TASK_MAX_TAKEOVERS ?? DEFAULT_MAX_TAKEOVERS,
          },
        }),
  });
};
