/**
 * Tasks in PostgreSQL: a status read is one primary-key lookup, so any replica answers for a task any
 * replica started, across restarts. A finished task stays readable `ttlMs`, then a background purge
 * deletes it (`purgeExpired`). Statuses only move forward: a finished row is never rewritten, and only the
 * replica that owns a task (it started it, or took it over) finishes it or publishes its progress.
 *
 * The end of a task is never dropped because the database is out of reach when the work ends: the
 * outcome is kept in memory and written as soon as the database answers again (a task left RUNNING by a
 * replica that goes on heartbeating it would never end). If the replica stops first, its heartbeat stops
 * too, and another replica takes the task over.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  internal,
  MAX_PROGRESS_LOGS,
  unknownTask,
  type LogEntry,
  type OperationFailure,
  type ProvisioningError,
  type TaskRepository,
  type TaskView,
} from '@airbyte-provisioner/core';
import type pg from 'pg';
import { runQuery } from './postgres-query.js';

export type TaskKind = 'provisioning' | 'validation';

export interface PostgresTaskRepositoryOptions {
  readonly kind: TaskKind;
  /** How long a finished task stays readable. */
  readonly ttlMs: number;
  /** The replica that creates tasks here (it runs them and heartbeats them). */
  readonly owner: string;
  /** Told once per task whose end waits for the database to answer again (the server logs it). */
  readonly onFinishDeferred?: (token: string, reason: string) => void;
  /** The first wait before recording a task's end again, doubled up to `most` (default 100 ms, 2 s). */
  readonly finishRetryMs?: { readonly first: number; readonly most: number };
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface TaskRow {
  readonly status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  readonly outcome: unknown;
  readonly progress: ReadonlyArray<LogEntry> | null;
}

export class PostgresTaskRepository<A> implements TaskRepository<A> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresTaskRepositoryOptions,
  ) {}

  private query<R extends pg.QueryResultRow>(
    doing: string,
    sql: string,
    values: ReadonlyArray<unknown>,
  ): TE.TaskEither<ProvisioningError, pg.QueryResult<R>> {
    // named: each connection parses and plans the statement once (a status read is then one round trip of
    // an already-planned primary-key lookup)
    return runQuery<R>(this.pool, doing, { name: `tasks: ${doing}`, text: sql, values: [...values] });
  }

  readonly create = (token: string): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      this.query(
        'create a task',
        `INSERT INTO provisioner_tasks (token, kind, status, owner, heartbeat_at)
         VALUES ($1, $2, 'RUNNING', $3, now()) ON CONFLICT (token) DO NOTHING`,
        [token, this.options.kind, this.options.owner],
      ),
      TE.chain((result) =>
        result.rowCount === 1
          ? TE.right(undefined)
          : TE.left(internal(`task token ${token} is already in use`)),
      ),
    );

  readonly complete = (token: string, value: A): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, 'COMPLETED', value);

  readonly fail = (token: string, failure: OperationFailure): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, 'FAILED', failure);

  readonly get = (token: string): TE.TaskEither<ProvisioningError, TaskView<A>> =>
    pipe(
      this.query<TaskRow>(
        'read a task',
        `SELECT status, outcome, progress FROM provisioner_tasks
         WHERE token = $1 AND kind = $2 AND (expires_at IS NULL OR expires_at > now())`,
        [token, this.options.kind],
      ),
      TE.chain(({ rows }) => {
        const row = rows[0];
        if (row === undefined) return TE.left(unknownTask(token));
        switch (row.status) {
          case 'RUNNING':
            // our own JSON, written by `progress`
            return TE.right(
              row.progress === null
                ? { status: 'RUNNING' as const }
                : { status: 'RUNNING' as const, logs: row.progress },
            );
          case 'COMPLETED':
            // our own JSON, written by `complete` from a value of type A
            return TE.right({ status: 'COMPLETED' as const, value: row.outcome as A });
          case 'FAILED':
            return TE.right({ status: 'FAILED' as const, failure: row.outcome as OperationFailure });
        }
      }),
    );

  readonly progress = (
    token: string,
    logs: ReadonlyArray<LogEntry>,
  ): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      this.query(
        'publish the progress of a task',
        `UPDATE provisioner_tasks SET progress = $3
         WHERE token = $1 AND kind = $2 AND status = 'RUNNING' AND owner = $4`,
        [token, this.options.kind, JSON.stringify(logs.slice(-MAX_PROGRESS_LOGS)), this.options.owner],
      ),
      // nothing updated: finished (left as it is), taken over (the new owner publishes), or unknown
      TE.chain((result) => (result.rowCount === 1 ? TE.right(undefined) : pipe(this.get(token), TE.asUnit))),
    );

  /** Deletes the finished tasks past their time; answers how many. */
  readonly purgeExpired = (): TE.TaskEither<ProvisioningError, number> =>
    pipe(
      this.query('purge expired tasks', 'DELETE FROM provisioner_tasks WHERE expires_at <= now()', []),
      TE.map((result) => result.rowCount ?? 0),
    );

  /** Records the end of a task, waiting for the database while it is out of reach. */
  private finish(
    token: string,
    status: 'COMPLETED' | 'FAILED',
    outcome: unknown,
  ): TE.TaskEither<ProvisioningError, void> {
    return async () => {
      const { first, most } = this.options.finishRetryMs ?? { first: 100, most: 2000 };
      for (let waitMs = first; ; waitMs = Math.min(most, waitMs * 2)) {
        const recorded = await this.finishOnce(token, status, outcome)();
        if (E.isRight(recorded) || recorded.left._tag !== 'StateUnavailable') return recorded;
        if (waitMs === first) this.options.onFinishDeferred?.(token, recorded.left.message);
        await delay(waitMs);
      }
    };
  }

  private finishOnce(
    token: string,
    status: 'COMPLETED' | 'FAILED',
    outcome: unknown,
  ): TE.TaskEither<ProvisioningError, void> {
    return pipe(
      this.query(
        'finish a task',
        `UPDATE provisioner_tasks
         SET status = $3, outcome = $4, expires_at = now() + $5 * interval '1 millisecond',
             request = NULL, operation = NULL, heartbeat_at = NULL, progress = NULL
         WHERE token = $1 AND kind = $2 AND status = 'RUNNING' AND owner = $6`,
        [token, this.options.kind, status, JSON.stringify(outcome), this.options.ttlMs, this.options.owner],
      ),
      TE.chain((result) =>
        result.rowCount === 1
          ? TE.right(undefined)
          : pipe(
              this.get(token),
              TE.chain((view) =>
                TE.left(
                  internal(
                    view.status === 'RUNNING'
                      ? `task ${token} was taken over by another replica; its outcome is that replica's to record`
                      : `task ${token} has already finished; it is not rewritten`,
                  ),
                ),
              ),
            ),
      ),
    );
  }
}
