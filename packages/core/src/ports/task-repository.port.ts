/**
 * Where background operations keep their state between the request that starts them and the status
 * requests that follow. A task is created RUNNING and finishes once, COMPLETED or FAILED: statuses only
 * move forward. A token never issued, or forgotten (expired, evicted), is `UnknownTask`.
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { LogEntry, OperationFailure, OperationResult } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { TaskView } from '../domain/task-view.js';
import type { ValidationOutcome } from '../domain/validation-outcome.js';
import { portToken } from './port-token.js';

export interface TaskRepository<A> {
  /** Registers a RUNNING task under a fresh token; a token already in use is an `Internal` error. */
  readonly create: (token: string) => TaskEither<ProvisioningError, void>;
  /** RUNNING → COMPLETED; a finished task is never rewritten (`Internal`), an unknown one is `UnknownTask`. */
  readonly complete: (token: string, value: A) => TaskEither<ProvisioningError, void>;
  /** RUNNING → FAILED, with the same rules as `complete`. */
  readonly fail: (token: string, failure: OperationFailure) => TaskEither<ProvisioningError, void>;
  readonly get: (token: string) => TaskEither<ProvisioningError, TaskView<A>>;
  /**
   * Publishes the log of a RUNNING task so far, for status requests to show before it ends: it replaces
   * what was published before, and only the last `MAX_PROGRESS_LOGS` entries are kept. A finished task is
   * left as it is (its outcome has its own logs); an unknown one is `UnknownTask`.
   */
  readonly progress: (token: string, logs: ReadonlyArray<LogEntry>) => TaskEither<ProvisioningError, void>;
}

/** How many log entries a RUNNING task shows at most (the latest): a job followed for hours stays small. */
export const MAX_PROGRESS_LOGS = 50;

export const ProvisioningTaskRepositoryToken = portToken<TaskRepository<OperationResult>>(
  'ProvisioningTaskRepository',
);
export const ValidationTaskRepositoryToken =
  portToken<TaskRepository<ValidationOutcome>>('ValidationTaskRepository');
