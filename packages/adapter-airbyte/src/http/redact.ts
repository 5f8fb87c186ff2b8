/**
 * Keeps secrets out of logs and error messages. Configuration objects are copied with every value under a
 * secret-looking key replaced; error details from Airbyte are scrubbed of any secret value we sent, in case
 * Airbyte echoes it back.
 */
import type { JsonObject, JsonValue } from '@airbyte-provisioner/core';

export const REDACTED = '[redacted]';

// Key names that hold secrets in Airbyte connector specs (password, private_key, client_secret,
// access_token, api_key, credentials_json, ...); matched loosely: over-redacting a log line is harmless.
const SECRET_KEY =
  /pass(word|phrase)?|secret|token|private|api[-_]?key|access[-_]?key|credential|authorization|cookie|session|signature|\bkey\b|_key$|^key/i;

export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

const redactValue = (value: JsonValue): JsonValue => {
  if (Array.isArray(value)) return (value as ReadonlyArray<JsonValue>).map(redactValue);
  if (value !== null && typeof value === 'object') return redactConfiguration(value as JsonObject);
  return value;
};

export const redactConfiguration = (configuration: JsonObject): JsonObject =>
  Object.fromEntries(
    Object.entries(configuration).map(([key, value]) => [
      key,
      isSecretKey(key) && value !== null && typeof value !== 'object' ? REDACTED : redactValue(value),
    ]),
  );

/** Every string (of 4+ characters) under a secret-looking key, at any depth. */
export const secretValuesOf = (value: JsonValue, underSecretKey = false): ReadonlyArray<string> => {
  if (typeof value === 'string') return underSecretKey && value.length >= 4 ? [value] : [];
  if (Array.isArray(value))
    return (value as ReadonlyArray<JsonValue>).flatMap((v) => secretValuesOf(v, underSecretKey));
  if (value !== null && typeof value === 'object')
    return Object.entries(value as JsonObject).flatMap(([key, v]) =>
      secretValuesOf(v, underSecretKey || isSecretKey(key)),
    );
  return [];
};

export const scrub = (text: string, secrets: ReadonlyArray<string>): string =>
  secrets.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
