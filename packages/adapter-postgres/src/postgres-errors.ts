/**
 * The one table where a PostgreSQL failure becomes a domain error: the database out of reach (refused,
 * reset, timed out, shutting down, too many connections) is `StateUnavailable` (503, retried later);
 * anything else is `Internal`. Messages never carry the connection string.
 */
import { internal, stateUnavailable, type ProvisioningError } from '@airbyte-provisioner/core';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
]);

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown), 53300 (too many connections)
const isUnavailableState = (code: string): boolean =>
  code.startsWith('08') || code.startsWith('57P') || code === '53300';

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const isUnavailable = (error: unknown): boolean => {
  const code = codeOf(error);
  if (code !== undefined) return UNREACHABLE_CODES.has(code) || isUnavailableState(code);
  // node-postgres reports a connection lost mid-query, or a pool timeout, by message only
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(
    messageOf(error),
  );
};

export const databaseError =
  (doing: string) =>
  (error: unknown): ProvisioningError => {
    if (isUnavailable(error))
      return stateUnavailable(`the database cannot be reached (${doing}): ${messageOf(error)}`);
    // undefined_table: the server answers, but start-up has not applied the migrations yet
    if (codeOf(error) === '42P01')
      return stateUnavailable(
        `the database schema is not migrated yet (${doing}); it is applied at start-up`,
      );
    return internal(`the database failed (${doing}): ${messageOf(error)}`);
  };
