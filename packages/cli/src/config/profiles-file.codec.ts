/**
 * The optional YAML file named by `PROVISIONER_CONFIG`: connector profiles per connector type.
 *
 *   sources:      { file: { enforced: {...}, defaults: {...} } }
 *   destinations: { snowflake: { enforced: { credentials: { password: ${env:SNOWFLAKE_PASSWORD} } } } }
 *
 * Unknown keys are reported rather than ignored: a misspelt `enforced` would silently let descriptors
 * override platform-owned settings.
 */
import * as t from 'io-ts';
import type { JsonObject, JsonValue } from '@airbyte-provisioner/core';

const isJsonValue = (u: unknown): u is JsonValue =>
  u === null ||
  typeof u === 'string' ||
  typeof u === 'boolean' ||
  (typeof u === 'number' && Number.isFinite(u)) ||
  (Array.isArray(u) && u.every(isJsonValue)) ||
  (typeof u === 'object' && Object.values(u).every(isJsonValue));

export const JsonObjectCodec = new t.Type<JsonObject, JsonObject, unknown>(
  'a mapping',
  (u): u is JsonObject => typeof u === 'object' && u !== null && !Array.isArray(u) && isJsonValue(u),
  (u, c) =>
    typeof u === 'object' && u !== null && !Array.isArray(u) && isJsonValue(u)
      ? t.success(u as JsonObject)
      : t.failure(u, c, 'must be a mapping of plain values'),
  t.identity,
);

/** Like `t.partial`, but a key it does not know is an error naming that key. */
const closedPartial = <P extends t.Props>(props: P, name: string) => {
  const open = t.partial(props);
  return new t.Type<t.TypeOf<typeof open>, t.OutputOf<typeof open>, unknown>(
    name,
    open.is,
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) {
        return t.failure(u, c, `must be a mapping with ${Object.keys(props).join(', ')}`);
      }
      const unknownKeys = Object.keys(u).filter((k) => !(k in props));
      if (unknownKeys.length === 0) return open.validate(u, c);
      const keyErrors = unknownKeys.map((key) => ({
        value: (u as Record<string, unknown>)[key],
        context: [...c, { key, type: open, actual: (u as Record<string, unknown>)[key] }],
        message: `is not a known key (expected ${Object.keys(props).join(', ')})`,
      }));
      const rest = open.validate(u, c);
      return t.failures(rest._tag === 'Left' ? [...keyErrors, ...rest.left] : keyErrors);
    },
    open.encode,
  );
};

export const ProfileFileEntry = closedPartial(
  { enforced: JsonObjectCodec, defaults: JsonObjectCodec },
  'ConnectorProfile',
);
export type ProfileFileEntry = t.TypeOf<typeof ProfileFileEntry>;

export const ProfilesFile = closedPartial(
  {
    sources: t.record(t.string, ProfileFileEntry),
    destinations: t.record(t.string, ProfileFileEntry),
  },
  'ProfilesFile',
);
export type ProfilesFile = t.TypeOf<typeof ProfilesFile>;
