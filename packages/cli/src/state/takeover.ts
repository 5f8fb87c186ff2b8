/**
 * What a replica does with a task another replica stopped running: the same operation again, under the
 * same token, when the request was kept (deploys are idempotent, so this converges); otherwise the task
 * ends FAILED, saying to send the request again. A task taken over as often as allowed ends FAILED too,
 * saying how many replicas tried. Also: the submit use cases keep their request for this.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  STOPPED_REPLICA_MESSAGE,
  type PostgresTaskSupervisor,
  type ResumableOperation,
  type StaleTask,
} from '@airbyte-provisioner/adapter-postgres';
import {
  decodeWith,
  describeError,
  internal,
  ProvisioningRequest,
  type BackgroundWorkRunner,
  type Logger,
  type OperationFailure,
  type OperationResult,
  type ProvisioningError,
  type SubmitUseCase,
  type TaskRepository,
  type UseCases,
  type ValidationOutcome,
} from '@airbyte-provisioner/core';

const stopped: OperationFailure = { error: internal(STOPPED_REPLICA_MESSAGE), logs: [] };

/** The submit use case, keeping its request (sealed) for a takeover once the token is handed out. */
export const keepingRequests = (
  useCases: UseCases,
  supervisor: Pick<PostgresTaskSupervisor, 'keepRequest'>,
  logger: Logger,
): UseCases => {
  const keep =
    (operation: ResumableOperation, submit: SubmitUseCase): SubmitUseCase =>
    (request, context) =>
      pipe(
        submit(request, context),
        TE.chainFirstTaskK(
          (token) => () =>
            supervisor.keepRequest(token, operation, JSON.stringify(request)).catch((error: unknown) => {
              // the task runs all the same; only a takeover after a crash would have to fail it
              logger.warn(
                { taskToken: token, error: error instanceof Error ? error.message : String(error) },
                'could not keep the request for a takeover: the task runs, but if this replica stops before it ends, the task ends FAILED and must be sent again',
              );
            }),
        ),
      );
  return {
    ...useCases,
    submitProvision: keep('provision', useCases.submitProvision),
    submitUnprovision: keep('unprovision', useCases.submitUnprovision),
  };
};

export interface TakeoverParts {
  readonly useCases: Pick<UseCases, 'provision' | 'unprovision'>;
  readonly provisioningTasks: TaskRepository<OperationResult>;
  readonly validationTasks: TaskRepository<ValidationOutcome>;
  readonly background: BackgroundWorkRunner;
  readonly logger: Logger;
}

/** Runs a claimed stale task to its end, in the background (a shutdown waits for it like any other). */
export const takeOver =
  (parts: TakeoverParts) =>
  (task: StaleTask): void => {
    const { logger } = parts;
    const record = (outcome: Promise<E.Either<ProvisioningError, void>>): Promise<void> =>
      outcome.then((recorded) => {
        // the reason as every failure is described (no error holds a secret)
        if (E.isLeft(recorded))
          logger.error(
            { taskToken: task.token, error: describeError(recorded.left) },
            'could not record the end of a task taken over',
          );
      });
    if (task.givenUp !== undefined) {
      logger.error({ taskToken: task.token }, `a task's replicas kept stopping: ${task.givenUp}`);
      const failure: OperationFailure = { error: internal(task.givenUp), logs: [] };
      const tasks = task.kind === 'validation' ? parts.validationTasks : parts.provisioningTasks;
      parts.background.spawn(() => record(tasks.fail(task.token, failure)()));
      return;
    }
    if (task.kind === 'validation') {
      parts.background.spawn(() => record(parts.validationTasks.fail(task.token, stopped)()));
      return;
    }
    const decoded =
      task.resume === undefined
        ? undefined
        : decodeWith(ProvisioningRequest)(JSON.parse(task.resume.request));
    if (task.resume === undefined || decoded === undefined || E.isLeft(decoded)) {
      logger.warn(
        { taskToken: task.token },
        `a task's replica stopped and its request was not kept: ${STOPPED_REPLICA_MESSAGE}`,
      );
      parts.background.spawn(() => record(parts.provisioningTasks.fail(task.token, stopped)()));
      return;
    }
    const operation =
      task.resume.operation === 'provision' ? parts.useCases.provision : parts.useCases.unprovision;
    logger.warn(
      { taskToken: task.token, operation: task.resume.operation },
      'taking over a task whose replica stopped: running it again',
    );
    parts.background.spawn(async () => {
      // the operation publishes its progress under the token it is taken over with
      const outcome = await operation(decoded.right, {
        publishProgress: (logs) => parts.provisioningTasks.progress(task.token, logs),
      })();
      await record(
        E.isRight(outcome)
          ? parts.provisioningTasks.complete(task.token, outcome.right)()
          : parts.provisioningTasks.fail(task.token, outcome.left)(),
      );
    });
  };
