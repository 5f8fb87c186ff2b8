/**
 * Keeps secrets out of logs and error messages. Configuration objects are copied with every value under a
 * secret-looking key replaced; error details from Airbyte are scrubbed of any secret value we sent, in case
 * Airbyte echoes it back.
 *
 * What is secret is at least what the core fingerprints as secret: its key pattern and its per-connector
 * known paths (core `isSecretKeyName` and `secretPathsOf` in descriptor/desired-state.builder.ts), called
 * rather than copied so the two cannot drift apart. The adapter's looser pattern comes on top:
 * over-redacting a log line is harmless.
 */
import {
  checkConfiguration,
  isSecretKeyName,
  secretPathsOf,
  type ConnectorKind,
  type JsonObject,
  type JsonValue,
} from '@airbyte-provisioner/core';
import { publishedConnectorSchemas } from '../connector-schemas/published-connector-schemas.js';

export const REDACTED = '[redacted]';

// Key names that hold secrets in Airbyte connector specs (password, private_key, client_secret,
// access_token, api_key, credentials_json, service_account_json, account keys, connection strings...)
const LOOSE_SECRET_KEY =
  /pass(word|phrase)?|secret|token|private|api[-_]?key|access[-_]?key|credential|service[-_]?account|connection[-_]?string|authorization|cookie|session|signature|\bkey\b|_key$|^key/i;

const isSecretKey = (key: string): boolean => LOOSE_SECRET_KEY.test(key) || isSecretKeyName(key);

// which kind of credential an object under a secret key holds: worth seeing, never a secret itself
const DISCRIMINATOR_KEY = /(^|_)(type|method)$/i;

/**
 * Whether the leaf at `key` is secret. `path` is its dot path through objects only (as the core builds
 * it), or undefined inside an array, where the core's known paths never reach.
 */
type SecretTest = (key: string, path: string | undefined) => boolean;

/** The fields the connector's published schema marks `airbyte_secret`, when its schema is known. */
const schemaSecretPaths = (
  configuration: JsonObject,
  connectorType: string | undefined,
  kind: ConnectorKind | undefined,
): ReadonlyArray<string> => {
  const schema =
    connectorType === undefined || kind === undefined
      ? undefined
      : publishedConnectorSchemas.schemaOf(kind, connectorType);
  return schema === undefined ? [] : checkConfiguration(schema, configuration, '', '').secretPaths;
};

const secretTest = (
  configuration: JsonObject,
  connectorType: string | undefined,
  kind?: ConnectorKind,
): SecretTest => {
  const known = new Set([
    ...secretPathsOf(connectorType, configuration),
    ...schemaSecretPaths(configuration, connectorType, kind),
  ]);
  return (key, path) => (path !== undefined && known.has(path)) || isSecretKey(key);
};

const isObject = (value: JsonValue): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const childPath = (path: string | undefined, key: string): string | undefined =>
  path === undefined ? undefined : path === '' ? key : `${path}.${key}`;

/**
 * Whether the child at `key` is secret: its own key or path says so, or it sits under a secret key and is
 * not the discriminator of what that holds (`credentials.auth_type`). Logs and error scrubbing both ask this.
 */
const childIsSecret = (parentSecret: boolean, key: string, at: string | undefined, test: SecretTest) =>
  test(key, at) || (parentSecret && !DISCRIMINATOR_KEY.test(key));

// a scalar, or each scalar of a list, that is secret is replaced
const redactAt = (
  value: JsonValue,
  secret: boolean,
  path: string | undefined,
  test: SecretTest,
): JsonValue => {
  if (Array.isArray(value))
    return (value as ReadonlyArray<JsonValue>).map((item) => redactAt(item, secret, undefined, test));
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => {
        const at = childPath(path, key);
        return [key, redactAt(child, childIsSecret(secret, key, at, test), at, test)];
      }),
    );
  return secret && value !== null ? REDACTED : value;
};

/**
 * A copy fit for a log line. `connectorType` (`file`, `snowflake`...) adds the core's known secret paths
 * of that connector, and with `kind` the fields its published schema marks `airbyte_secret`.
 */
export const redactConfiguration = (
  configuration: JsonObject,
  connectorType?: string,
  kind?: ConnectorKind,
): JsonObject =>
  redactAt(configuration, false, '', secretTest(configuration, connectorType, kind)) as JsonObject;

// shorter values would scrub ordinary words and numbers out of every error message
const MIN_SCRUBBED_LENGTH = 4;

const valuesAt = (
  value: JsonValue,
  secret: boolean,
  path: string | undefined,
  test: SecretTest,
): ReadonlyArray<string> => {
  if (Array.isArray(value))
    return (value as ReadonlyArray<JsonValue>).flatMap((item) => valuesAt(item, secret, undefined, test));
  if (isObject(value))
    return Object.entries(value).flatMap(([key, child]) => {
      const at = childPath(path, key);
      return valuesAt(child, childIsSecret(secret, key, at, test), at, test);
    });
  // a number counts too: `password: 123456` unquoted in YAML is sent, and may be echoed, as a number
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  return secret && text.length >= MIN_SCRUBBED_LENGTH ? [text] : [];
};

/** Every string or number (of 4+ characters) under a secret key or at a known secret path, at any depth. */
export const secretValuesOf = (
  value: JsonValue,
  connectorType?: string,
  kind?: ConnectorKind,
): ReadonlyArray<string> =>
  valuesAt(
    value,
    false,
    '',
    isObject(value) ? secretTest(value, connectorType, kind) : (key) => isSecretKey(key),
  );

// a secret echoed inside JSON text (a detail quoting the request body) has its quotes, backslashes and
// line breaks escaped: a PEM key's line breaks arrive as `\n`
const spellingsOf = (secret: string): ReadonlyArray<string> => {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
};

/**
 * `text` with every occurrence of each secret, as is or JSON-escaped, replaced. Longer spellings go first,
 * so that a secret which contains another is not left half visible by replacing the shorter one inside it.
 */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string =>
  secrets
    .filter((secret) => secret !== '')
    .flatMap(spellingsOf)
    .sort((a, b) => b.length - a.length)
    .reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
