/**
 * Tasks in process memory. Finished tasks live `ttlMs` and at most `maxTasks` tasks are kept; when full,
 * the oldest finished ones go first and a RUNNING task is never dropped. Expiry is checked against the
 * Clock on each call (no timers). Finished results are kept as JSON text, far smaller than the object
 * graph, so 100,000 of them stay cheap.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { OperationFailure } from '../domain/operation-result.js';
import { internal, unknownTask, type ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';
import type { TaskRepository } from '../ports/task-repository.port.js';
import type { TaskView } from '../use-cases/use-case.types.js';

export interface TaskRepositoryLimits {
  readonly ttlMs: number;
  readonly maxTasks: number;
}

export const defaultTaskRepositoryLimits: TaskRepositoryLimits = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxTasks: 100_000,
};

type Stored =
  | { readonly status: 'RUNNING' }
  | { readonly status: 'COMPLETED' | 'FAILED'; readonly json: string; readonly finishedAt: number };

export class InMemoryTaskRepository<A> implements TaskRepository<A> {
  private readonly tasks = new Map<string, Stored>();
  // Finished tokens in finishing order: with one TTL for all, the first is also the first to expire.
  private readonly finished = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: TaskRepositoryLimits = defaultTaskRepositoryLimits,
  ) {}

  /** How many tasks are held (running and finished), after expiry. */
  readonly size = (): number => {
    this.evict();
    return this.tasks.size;
  };

  readonly create = (token: string): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      if (this.tasks.has(token)) return E.left(internal(`task token ${token} is already in use`));
      this.tasks.set(token, { status: 'RUNNING' });
      this.evict();
      return E.right(undefined);
    });

  readonly complete = (token: string, value: A): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, 'COMPLETED', value);

  readonly fail = (token: string, failure: OperationFailure): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, 'FAILED', failure);

  readonly get = (token: string): TE.TaskEither<ProvisioningError, TaskView<A>> =>
    TE.fromIOEither((): E.Either<ProvisioningError, TaskView<A>> => {
      this.evict();
      const task = this.tasks.get(token);
      if (task === undefined) return E.left(unknownTask(token));
      switch (task.status) {
        case 'RUNNING':
          return E.right({ status: 'RUNNING' });
        case 'COMPLETED':
          return E.right({ status: 'COMPLETED', value: JSON.parse(task.json) as A });
        case 'FAILED':
          return E.right({ status: 'FAILED', failure: JSON.parse(task.json) as OperationFailure });
      }
    });

  private finish(
    token: string,
    status: 'COMPLETED' | 'FAILED',
    payload: unknown,
  ): TE.TaskEither<ProvisioningError, void> {
    return TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      const task = this.tasks.get(token);
      if (task === undefined) return E.left(unknownTask(token));
      if (task.status !== 'RUNNING')
        return E.left(internal(`task ${token} is already ${task.status}; statuses only move forward`));
      this.tasks.set(token, { status, json: JSON.stringify(payload), finishedAt: this.clock.now() });
      this.finished.add(token);
      this.evict();
      return E.right(undefined);
    });
  }

  private evict(): void {
    const now = this.clock.now();
    for (const token of this.finished) {
      const task = this.tasks.get(token);
      const expired =
        task === undefined || task.status === 'RUNNING' || now - task.finishedAt >= this.limits.ttlMs;
      if (!expired && this.tasks.size <= this.limits.maxTasks) return;
      this.tasks.delete(token);
      this.finished.delete(token);
    }
  }
}
