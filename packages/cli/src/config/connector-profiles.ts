/**
 * Connector profiles from the profiles file and the `SNOWFLAKE_*` variables. The variables fill the
 * Snowflake destination's enforced values in the Airbyte destination-snowflake shape (host, role,
 * warehouse, username, credentials.password) and win over the file, which is the deploy-time override.
 */
import type { ConnectorProfile, ConnectorProfiles, JsonObject, JsonValue } from '@airbyte-provisioner/core';
import type { EnvConfig } from './env.codec.js';
import type { ProfileFileEntry, ProfilesFile } from './profiles-file.codec.js';

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` wins; mappings present on both sides are merged key by key. */
export const deepMerge = (base: JsonObject, over: JsonObject): JsonObject =>
  Object.fromEntries(
    [...new Set([...Object.keys(base), ...Object.keys(over)])].map((key) => {
      const b = base[key];
      const o = over[key];
      if (o === undefined) return [key, b as JsonValue];
      return [key, isObject(b) && isObject(o) ? deepMerge(b, o) : o];
    }),
  );

const profileOf = (entry: ProfileFileEntry): ConnectorProfile => ({
  enforced: entry.enforced ?? {},
  defaults: entry.defaults ?? {},
});

const profilesOf = (
  entries: Readonly<Record<string, ProfileFileEntry>> | undefined,
): Record<string, ConnectorProfile> =>
  Object.fromEntries(Object.entries(entries ?? {}).map(([type, entry]) => [type, profileOf(entry)]));

export const SNOWFLAKE_PASSWORD_PATH = 'destinations.snowflake.enforced.credentials.password';

/** The Snowflake enforced values the env sets, or nothing when no `SNOWFLAKE_*` variable is set. */
export const snowflakeFromEnv = (env: EnvConfig): JsonObject => {
  const fields: Array<[string, JsonValue]> = [];
  if (env.SNOWFLAKE_HOST !== undefined) fields.push(['host', env.SNOWFLAKE_HOST]);
  if (env.SNOWFLAKE_ROLE !== undefined) fields.push(['role', env.SNOWFLAKE_ROLE]);
  if (env.SNOWFLAKE_WAREHOUSE !== undefined) fields.push(['warehouse', env.SNOWFLAKE_WAREHOUSE]);
  if (env.SNOWFLAKE_USER !== undefined) fields.push(['username', env.SNOWFLAKE_USER]);
  if (env.SNOWFLAKE_PASSWORD !== undefined) {
    fields.push(['credentials', { auth_type: 'Username and Password', password: env.SNOWFLAKE_PASSWORD }]);
  }
  return Object.fromEntries(fields);
};

export const mergeProfiles = (file: ProfilesFile, env: EnvConfig): ConnectorProfiles => {
  const destinations = profilesOf(file.destinations);
  const snowflake = snowflakeFromEnv(env);
  if (Object.keys(snowflake).length > 0) {
    const current = destinations['snowflake'] ?? { enforced: {}, defaults: {} };
    destinations['snowflake'] = { ...current, enforced: deepMerge(current.enforced, snowflake) };
  }
  return { sources: profilesOf(file.sources), destinations };
};
