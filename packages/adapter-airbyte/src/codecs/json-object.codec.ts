/** A JSON object as Airbyte returns it (a connector configuration): any keys, values kept as they are. */
import type { JsonObject } from '@airbyte-provisioner/core';
import * as t from 'io-ts';

// the body came from JSON.parse, so every value in the record is already JSON
export const JsonObjectCodec = new t.Type<JsonObject, JsonObject, unknown>(
  'JsonObject',
  (u): u is JsonObject => typeof u === 'object' && u !== null && !Array.isArray(u),
  (u, c) =>
    typeof u === 'object' && u !== null && !Array.isArray(u) ? t.success(u as JsonObject) : t.failure(u, c),
  t.identity,
);

/** A string field whose value Airbyte may extend: known values pass, anything else reads as absent. */
export const knownOrUndefined = <K extends string>(
  known: ReadonlyArray<K>,
  value: string | undefined,
): K | undefined =>
  value !== undefined && (known as ReadonlyArray<string>).includes(value) ? (value as K) : undefined;

/** A codec whose decoded value is turned into a domain value right away (decode-only: encode is unused). */
export const mapCodec = <A, B>(
  codec: t.Type<A, unknown, unknown>,
  f: (a: A) => B,
): t.Type<B, unknown, unknown> =>
  new t.Type<B, unknown, unknown>(
    codec.name,
    (_u): _u is B => false,
    (u, c) => {
      const decoded = codec.validate(u, c);
      return decoded._tag === 'Right' ? t.success(f(decoded.right)) : decoded;
    },
    t.identity,
  );
