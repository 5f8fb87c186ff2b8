/**
 * Starts an operation in the background under a task token: the task is RUNNING before the token is
 * handed out, and ends COMPLETED or FAILED with the operation's outcome. The operation is given the way
 * to publish its progress under that token meanwhile.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as T from 'fp-ts/lib/Task.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { OperationFailure } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { TaskRepository } from '../ports/task-repository.port.js';
import type { CoreDeps, PublishProgress } from './core-deps.js';

export const runInBackground =
  <A>(deps: Pick<CoreDeps, 'ids' | 'background' | 'logger'>, tasks: TaskRepository<A>) =>
  (
    operation: (publishProgress: PublishProgress) => TE.TaskEither<OperationFailure, A>,
  ): TE.TaskEither<ProvisioningError, string> =>
    pipe(
      TE.fromIO(deps.ids.next),
      TE.chainFirst(tasks.create),
      TE.chainFirstIOK(
        (token) => () =>
          deps.background.spawn(
            pipe(
              operation((logs) => tasks.progress(token, logs)),
              T.chain(
                E.match(
                  (failure) => tasks.fail(token, failure),
                  (value) => tasks.complete(token, value),
                ),
              ),
              T.map(
                E.match(
                  (error) =>
                    deps.logger.error(
                      { taskToken: token, error: error._tag },
                      'could not record the end of a task',
                    ),
                  () => undefined,
                ),
              ),
            ),
          ),
      ),
    );
