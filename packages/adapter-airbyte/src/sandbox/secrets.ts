/**
 * Airbyte never returns a secret: on read every field the connector spec marks `airbyte_secret` comes back
 * as `**********`. On PUT, a field sent back as `**********` keeps the stored secret
 * (ConfigurationUpdate.source → JsonSecretsProcessor.copySecrets). On PATCH it does not: the configuration
 * is merged with SecretsHelpers.mergeNodesExceptForSecrets, which replaces a stored secret (a secret
 * coordinate, not a plain object) with whatever was sent, the mask included, and the mask is then stored
 * as the new secret. Beside the per-connector paths, keys named like a secret are masked too, because an
 * unknown connector's spec is not known here.
 */
import { MASKED_SECRET } from '@airbyte-provisioner/core';
import type { ConnectorType } from './connector-types.js';

export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json };
export type JsonRecord = { readonly [key: string]: Json };

const SECRET_NAME = /password|secret|token|private_key|api_key|service_account_json|credentials_json/i;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const pathMatches = (pattern: ReadonlyArray<string>, path: ReadonlyArray<string>): boolean =>
  pattern.length === path.length && pattern.every((part, i) => part === '*' || part === path[i]);

const isSecretPath = (connector: ConnectorType | undefined, path: ReadonlyArray<string>): boolean => {
  const last = path[path.length - 1];
  if (last !== undefined && SECRET_NAME.test(last)) return true;
  return (connector?.secretPaths ?? []).some((p) => pathMatches(p.split('.'), path));
};

const maskAt = (value: Json, connector: ConnectorType | undefined, path: ReadonlyArray<string>): Json => {
  if (Array.isArray(value)) return value.map((item: Json) => maskAt(item, connector, path));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, maskAt(child, connector, [...path, key])]),
    );
  }
  return value !== null && isSecretPath(connector, path) ? MASKED_SECRET : value;
};

export const maskConfiguration = (
  configuration: JsonRecord,
  connector: ConnectorType | undefined,
): JsonRecord => maskAt(configuration, connector, []) as JsonRecord;

/** `incoming` with every `**********` replaced by the value stored at the same path, when there is one. */
export const keepMaskedSecrets = (incoming: Json, stored: Json | undefined): Json => {
  if (incoming === MASKED_SECRET) return stored ?? incoming;
  if (isRecord(incoming)) {
    const previous = isRecord(stored) ? stored : {};
    return Object.fromEntries(
      Object.entries(incoming).map(([key, child]) => [key, keepMaskedSecrets(child, previous[key])]),
    );
  }
  return incoming;
};

/**
 * PATCH's merge (SecretsHelpers.mergeNodesExceptForSecrets): objects are merged key by key, anything else
 * sent replaces what is stored, a secret and the mask included.
 */
export const mergeForPatch = (stored: JsonRecord, patch: JsonRecord): JsonRecord =>
  Object.fromEntries(
    [...new Set([...Object.keys(stored), ...Object.keys(patch)])].map((key) => {
      const before = stored[key];
      const after = patch[key];
      if (after === undefined) return [key, before ?? null];
      if (isRecord(before) && isRecord(after)) return [key, mergeForPatch(before, after)];
      return [key, after];
    }),
  );
