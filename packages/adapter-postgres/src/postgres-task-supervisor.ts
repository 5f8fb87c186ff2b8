/**
 * Crash takeover. The replica running a task heartbeats it; a RUNNING task whose heartbeat is older than
 * `staleAfterMs` belonged to a replica that stopped (kill -9, a lost node), and another replica claims it
 * (one claim per task: `FOR UPDATE SKIP LOCKED`) to run the same operation again under the same token.
 * Deploys are idempotent, so running one again converges. What it needs is the request, kept sealed
 * (`RequestCipher`); without a key nothing is kept, and a stale task can only be failed.
 *
 * Takeovers are capped: a task whose replicas keep stopping (an operation that crashes them, or keeps
 * being abandoned at shutdown) would otherwise be run again for ever. Past `maxTakeovers`, the claim
 * hands the task over to be failed, saying how many replicas tried.
 */
import type pg from 'pg';
import type { RequestCipher } from './request-cipher.js';
import type { TaskKind } from './postgres-task-repository.js';

export type ResumableOperation = 'provision' | 'unprovision';

export interface StaleTask {
  readonly token: string;
  readonly kind: TaskKind;
  /** Set when the task was taken over as often as allowed: it ends FAILED with this, and is not run again. */
  readonly givenUp?: string;
  /** What to run again; absent when nothing was kept (no key, or the request could not be opened). */
  readonly resume?: { readonly operation: ResumableOperation; readonly request: string };
}

export interface TaskSupervisorOptions {
  /** This replica: the tasks it runs and claims name it. */
  readonly owner: string;
  /** How old a RUNNING task's heartbeat may be before another replica takes it over. */
  readonly staleAfterMs: number;
  readonly cipher?: RequestCipher;
  /** How many times one task may be taken over; past it, a stale task is given up. 0: never taken over. */
  readonly maxTakeovers: number;
}

/** The failure a stale task ends with when it cannot be run again. */
export const STOPPED_REPLICA_MESSAGE = 'the replica running this stopped; send the request again';

/** The failure of a task whose replicas kept stopping: `replicas` ran it, each stopped before its end. */
export const takeoversExhaustedMessage = (replicas: number, maxTakeovers: number): string => {
  const why =
    maxTakeovers === 0
      ? 'the replica running this stopped, and TASK_MAX_TAKEOVERS=0 allows no takeover'
      : `${replicas} replicas in turn stopped while running this (the first, then ${maxTakeovers} ` +
        `${maxTakeovers === 1 ? 'takeover' : 'takeovers'}: the most TASK_MAX_TAKEOVERS=${maxTakeovers} allows)`;
  return `${why}, so it is not run again; the operation itself may be what stops them: read those replicas' logs before sending the request again`;
};

export class PostgresTaskSupervisor {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: TaskSupervisorOptions,
  ) {}

  /** Keeps what running `token` again needs, sealed; nothing without a key (and never in clear). */
  readonly keepRequest = async (
    token: string,
    operation: ResumableOperation,
    request: string,
  ): Promise<void> => {
    const cipher = this.options.cipher;
    if (cipher === undefined) return;
    await this.pool.query(
      `UPDATE provisioner_tasks SET operation = $2, request = $3 WHERE token = $1 AND status = 'RUNNING'`,
      [token, operation, cipher.seal(token, request)],
    );
  };

  /** Says this replica still runs its RUNNING tasks. */
  readonly heartbeat = async (): Promise<void> => {
    await this.pool.query(
      `UPDATE provisioner_tasks SET heartbeat_at = now() WHERE owner = $1 AND status = 'RUNNING'`,
      [this.options.owner],
    );
  };

  /** Claims one stale task for this replica, if there is one. */
  readonly claimStale = async (): Promise<StaleTask | undefined> => {
    const { rows } = await this.pool.query<{
      token: string;
      kind: TaskKind;
      attempts: number;
      operation: ResumableOperation | null;
      request: Buffer | null;
    }>(
      `UPDATE provisioner_tasks SET owner = $1, heartbeat_at = now(), attempts = attempts + 1
       WHERE token = (
         SELECT token FROM provisioner_tasks
         WHERE status = 'RUNNING' AND heartbeat_at < now() - $2 * interval '1 millisecond'
         ORDER BY heartbeat_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING token, kind, attempts, operation, request`,
      [this.options.owner, this.options.staleAfterMs],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    // `attempts` counts the replicas the task was given to, this claim included
    const { maxTakeovers } = this.options;
    if (row.attempts - 1 > maxTakeovers)
      return {
        token: row.token,
        kind: row.kind,
        givenUp: takeoversExhaustedMessage(row.attempts - 1, maxTakeovers),
      };
    const request =
      row.request === null || row.operation === null
        ? undefined
        : this.options.cipher?.open(row.token, row.request);
    return {
      token: row.token,
      kind: row.kind,
      ...(request === undefined || row.operation === null
        ? {}
        : { resume: { operation: row.operation, request } }),
    };
  };

  /** Gives this replica's RUNNING tasks up at shutdown: another replica takes them over at once. */
  readonly handOver = async (): Promise<void> => {
    await this.pool.query(
      `UPDATE provisioner_tasks SET heartbeat_at = '-infinity' WHERE owner = $1 AND status = 'RUNNING'`,
      [this.options.owner],
    );
  };
}
