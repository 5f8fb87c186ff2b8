/**
 * PostgreSQL state for the server: migrations applied at start-up (retried in the background while the
 * database cannot be reached: the server starts, not ready, and becomes ready when it can), expired tasks
 * purged in the background, leases released and the pool closed at shutdown.
 */
import {
  isUnavailable,
  migrate,
  SchemaTooNewError,
  type PostgresLeaseLock,
  type PostgresTaskRepository,
} from '@airbyte-provisioner/adapter-postgres';
import type { StateReadiness } from '@airbyte-provisioner/adapter-http';
import type { Logger } from '@airbyte-provisioner/core';
import type pg from 'pg';
import type { StateStore } from './state-store.js';

export const POSTGRES_STATE = 'postgresql (shared by every replica on this database)';

const RETRY_MS = 1000;
const PURGE_EVERY_MS = 60_000;

export interface PostgresStateParts {
  readonly pool: pg.Pool;
  readonly lock: PostgresLeaseLock;
  readonly tasks: ReadonlyArray<Pick<PostgresTaskRepository<unknown>, 'purgeExpired'>>;
  readonly logger: Logger;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const postgresStateStore = (parts: PostgresStateParts): StateStore => {
  const { pool, lock, tasks, logger } = parts;
  let migrated = false;
  let lastProblem = 'migrations not applied yet';
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];

  const tryMigrate = async (): Promise<void> => {
    try {
      const outcome = await migrate(pool);
      migrated = true;
      logger.info({ applied: outcome.applied, version: outcome.version }, 'database schema is up to date');
    } catch (error) {
      if (error instanceof SchemaTooNewError) throw error;
      lastProblem = `the database cannot be reached to apply migrations: ${messageOf(error)}`;
      if (!isUnavailable(error)) throw error;
      logger.warn({ error: messageOf(error) }, 'database unreachable at start-up: not ready; retrying');
      const retry = setTimeout(() => {
        if (!stopped)
          void tryMigrate().catch((e: unknown) => logger.error({ error: messageOf(e) }, 'migrations failed'));
      }, RETRY_MS);
      retry.unref();
      timers.push(retry);
    }
  };

  const readiness = async (): Promise<StateReadiness> => {
    const store = { store: POSTGRES_STATE, airbyteGatesReadiness: false };
    if (!migrated) return { ...store, ready: false, reason: lastProblem };
    try {
      await pool.query('SELECT 1');
      return { ...store, ready: true };
    } catch (error) {
      return { ...store, ready: false, reason: `the database cannot be reached: ${messageOf(error)}` };
    }
  };

  return {
    description: POSTGRES_STATE,
    readiness,
    start: async () => {
      await tryMigrate();
      const purge = setInterval(() => {
        if (!migrated) return;
        for (const repository of tasks) void repository.purgeExpired()();
      }, PURGE_EVERY_MS);
      purge.unref();
      timers.push(purge);
    },
    stop: async () => {
      stopped = true;
      timers.forEach(clearTimeout);
      await lock.releaseAll();
      await pool.end().catch(() => undefined);
    },
  };
};
