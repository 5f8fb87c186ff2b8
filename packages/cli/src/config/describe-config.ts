/**
 * The effective configuration as `airbyte-provisioner config` prints it: every value, with each secret
 * replaced by a marker that says where it came from but never what it is.
 */
import { redactConfiguration } from '@airbyte-provisioner/adapter-airbyte';
import type { AirbyteAuth } from '@airbyte-provisioner/adapter-airbyte';
import type { JsonObject, JsonValue } from '@airbyte-provisioner/core';
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
    bodyLimitBytes: config.server.bodyLimitBytes ?? null,
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
          timeoutMs: config.airbyte.timeoutMs ?? null,
          maxConcurrentCalls: config.airbyte.maxConcurrentCalls ?? null,
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
        },
      }),
});
