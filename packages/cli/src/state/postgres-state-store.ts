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
  type PostgresTaskSupervisor,
  type StaleTask,
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
  readonly supervisor: Pick<PostgresTaskSupervisor, 'heartbeat' | 'claimStale' | 'handOver'>;
  readonly takeOver: (task: StaleTask) => void;
  /** How often this replica heartbeats its tasks and looks for stale ones (a third of the lease TTL). */
  readonly periodMs: number;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const postgresStateStore = (parts: PostgresStateParts): StateStore => {
  const { pool, lock, tasks, logger, supervisor } = parts;
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
      // heartbeat ours, then take over what another replica stopped running (one at a time, until none)
      const supervise = async (): Promise<void> => {
        if (!migrated || stopped) return;
        await supervisor.heartbeat();
        for (
          let task = await supervisor.claimStale();
          task !== undefined && !stopped;
          task = await supervisor.claimStale()
        )
          parts.takeOver(task);
      };
      const supervision = setInterval(() => {
        supervise().catch((error: unknown) =>
          logger.warn({ error: messageOf(error) }, 'task supervision failed; retrying'),
        );
      }, parts.periodMs);
      supervision.unref();
      timers.push(supervision);
    },
    stop: async () => {
      stopped = true;
      timers.forEach(clearTimeout);
      // what still runs here (abandoned after the grace period) is another replica's to finish
      await supervisor.handOver().catch(() => undefined);
      await lock.releaseAll();
      await pool.end().catch(() => undefined);
    },
  };
};
