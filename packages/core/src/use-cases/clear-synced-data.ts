/**
 * `removeData: true` on an unprovision: before the connection is deleted, Airbyte clears what it synced
 * into the destination (a `clear` job), and the deletion waits for that job to succeed. A clear that fails
 * stops the unprovision with the connection still there, so that asking again clears it again.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { DEFAULT_SYNC_TIMEOUT_SECONDS } from '../descriptor/desired-state.builder.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import { stateConflict, type ProvisioningError } from '../errors/provisioning-error.js';
import type { CoreDeps } from './core-deps.js';
import { step } from './locate.js';
import type { OperationJournal } from './operation-journal.js';
import { CLEAR_DATA_STEP, unfinishedJob, unsuccessfulJob } from './job-report.js';
import { followJob } from './sync-after-deploy.js';

export const clearSyncedData = (
  deps: CoreDeps,
  journal: OperationJournal,
  component: ValidatedComponent,
  connectionId: string,
): TE.TaskEither<ProvisioningError, void> => {
  const timeoutSeconds =
    component.desired.connection.waitForSync?.timeoutSeconds ?? DEFAULT_SYNC_TIMEOUT_SECONDS;
  return pipe(
    step(`clear the data of connection ${connectionId}`)(deps.gateway.clearData(connectionId)),
    TE.chain((job) => {
      journal.note({ lastJobId: job.id });
      journal.info(
        `Started clear job ${job.id} to remove the data connection ${connectionId} synced`,
        'clear',
      );
      return followJob(deps, journal, { job, label: 'clear job', timeoutSeconds });
    }),
    TE.chain((outcome) =>
      outcome._tag === 'Finished' && outcome.job.status === 'succeeded'
        ? TE.fromIO(() =>
            journal.info(
              `Cleared the data connection ${connectionId} synced (clear job ${outcome.job.id} succeeded)`,
              'clear',
            ),
          )
        : TE.left(
            stateConflict(
              CLEAR_DATA_STEP,
              outcome._tag === 'TimedOut'
                ? `${unfinishedJob('clear job', outcome.job, timeoutSeconds, journal.record.workspaceId, deps.airbyteUiUrl)}. The connection was not deleted: unprovision again once it has finished`
                : `${unsuccessfulJob('clear job', outcome.job, journal.record.workspaceId, deps.airbyteUiUrl)}. The connection was not deleted and its data may remain: unprovision again to retry`,
              [String(outcome.job.id)],
            ),
          ),
    ),
  );
};
