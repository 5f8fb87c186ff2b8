/**
 * Tasks in process memory, as plain typed values in a `Map`. Finished tasks live `ttlMs` and at most
 * `maxTasks` tasks are kept; when full, the oldest finished ones go first and a RUNNING task is never
 * dropped. Expiry is checked against the Clock on each call (no timers). Durable state across restarts
 * and instances belongs in a storage adapter behind the same port.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { LogEntry, OperationFailure } from '../domain/operation-result.js';
import type { TaskView } from '../domain/task-view.js';
import { internal, unknownTask, type ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';
import { MAX_PROGRESS_LOGS, type TaskRepository } from '../ports/task-repository.port.js';

export interface TaskRepositoryLimits {
  readonly ttlMs: number;
  readonly maxTasks: number;
}

/**
 * A day, and 20,000 tasks: a coordinator reads a task's status within minutes, and 20,000 finished tasks
 * last a day at 14 tasks a minute.
 */
export const defaultTaskRepositoryLimits: TaskRepositoryLimits = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxTasks: 20_000,
};

type Finished<A> = Exclude<TaskView<A>, { readonly status: 'RUNNING' }> & { readonly finishedAt: number };

export class InMemoryTaskRepository<A> implements TaskRepository<A> {
  // a running task, and the progress it published (none yet: undefined)
  private readonly running = new Map<string, ReadonlyArray<LogEntry> | undefined>();
  // in the order the tasks finished: the first entry is the oldest
  private readonly finished = new Map<string, Finished<A>>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: TaskRepositoryLimits = defaultTaskRepositoryLimits,
  ) {}

  /** How many tasks are held (running and finished), after expiry. */
  readonly size = (): number => {
    this.evict();
    return this.running.size + this.finished.size;
  };

  readonly create = (token: string): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      if (this.running.has(token) || this.finished.has(token))
        return E.left(internal(`task token ${token} is already in use`));
      this.running.set(token, undefined);
      this.evict();
      return E.right(undefined);
    });

  readonly complete = (token: string, value: A): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, (finishedAt) => ({ status: 'COMPLETED', value, finishedAt }));

  readonly fail = (token: string, failure: OperationFailure): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, (finishedAt) => ({ status: 'FAILED', failure, finishedAt }));

  readonly get = (token: string): TE.TaskEither<ProvisioningError, TaskView<A>> =>
    TE.fromIOEither((): E.Either<ProvisioningError, TaskView<A>> => {
      this.evict();
      if (this.running.has(token)) {
        const logs = this.running.get(token);
        return E.right(logs === undefined ? { status: 'RUNNING' } : { status: 'RUNNING', logs });
      }
      const entry = this.finished.get(token);
      if (entry === undefined) return E.left(unknownTask(token));
      return E.right(
        entry.status === 'COMPLETED'
          ? { status: 'COMPLETED', value: entry.value }
          : { status: 'FAILED', failure: entry.failure },
      );
    });

  readonly progress = (
    token: string,
    logs: ReadonlyArray<LogEntry>,
  ): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      if (this.running.has(token)) this.running.set(token, logs.slice(-MAX_PROGRESS_LOGS));
      else if (!this.finished.has(token)) return E.left(unknownTask(token));
      return E.right(undefined);
    });

  private finish(
    token: string,
    entryAt: (finishedAt: number) => Finished<A>,
  ): TE.TaskEither<ProvisioningError, void> {
    return TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      if (!this.running.has(token)) {
        const entry = this.finished.get(token);
        if (entry === undefined) return E.left(unknownTask(token));
        return E.left(internal(`task ${token} is already ${entry.status}; statuses only move forward`));
      }
      this.running.delete(token);
      this.finished.set(token, entryAt(this.clock.now()));
      this.evict();
      return E.right(undefined);
    });
  }

  private evict(): void {
    const now = this.clock.now();
    for (const [token, entry] of this.finished) {
      const expired = now - entry.finishedAt >= this.limits.ttlMs;
      if (!expired && this.running.size + this.finished.size <= this.limits.maxTasks) return;
      this.finished.delete(token);
    }
  }
}
