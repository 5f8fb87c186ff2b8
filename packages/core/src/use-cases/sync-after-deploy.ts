/**
 * The sync a deploy starts (`syncOnProvision`) and, when asked, waits for (`waitForSync`).
 *
 * Whether a sync is due is noted in the deployment record *before* the writes that make it due, and
 * cleared once the job is started, with the job id kept instead: a deploy that fails half-way still
 * syncs on its retry (which finds nothing left to write), and a retry of a deploy that did start the job
 * does not start a second one. A start that meets a running job (Airbyte's 409) is answered that job.
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { jobFinished, type AirbyteJob } from '../domain/airbyte-state.js';
import type { SyncPolicy, SyncWait } from '../domain/desired-state.js';
import { stateConflict, unsupported, type ProvisioningError } from '../errors/provisioning-error.js';
import type { CoreDeps } from './core-deps.js';
import { jobUrl } from './deployment-info.js';
import {
  progressChanged,
  progressLine,
  SYNC_WAIT_STEP,
  unfinishedJob,
  unsuccessfulJob,
} from './job-report.js';
import { step } from './locate.js';
import type { OperationJournal } from './operation-journal.js';

export const DEFAULT_JOB_POLL_INTERVAL_MS = 5000;

/** Marks the sync due when this deploy's change is one the policy syncs after. */
export const noteSyncDue = (
  journal: OperationJournal,
  policy: SyncPolicy,
  change: { readonly created: boolean; readonly changed: boolean },
): void => {
  if ((policy === 'onCreate' && change.created) || (policy === 'onChange' && change.changed)) {
    journal.note({ syncDue: true });
  }
};

/** Starts the sync when the policy says always, or a change of this deploy (or of a failed one) made it due. */
export const startSyncIfDue =
  (deps: CoreDeps, journal: OperationJournal, policy: SyncPolicy) =>
  (connectionId: string): TE.TaskEither<ProvisioningError, O.Option<AirbyteJob>> =>
    policy === 'never' || (policy !== 'always' && journal.record.syncDue !== true)
      ? TE.right(O.none)
      : pipe(
          step('start a sync')(deps.gateway.startSync(connectionId)),
          TE.map((job) => {
            journal.note({ lastJobId: job.id, syncDue: undefined });
            const link =
              deps.airbyteUiUrl === undefined
                ? ''
                : `: ${jobUrl(deps.airbyteUiUrl, journal.record.workspaceId, job.connectionId, job.id)}`;
            journal.info(`Started sync job ${job.id} (status ${job.status})${link}`, 'sync');
            return O.some(job);
          }),
        );

export type JobOutcome =
  | { readonly _tag: 'Finished'; readonly job: AirbyteJob }
  | { readonly _tag: 'TimedOut'; readonly job: AirbyteJob };

/**
 * Publishes the log so far under the operation's task token, when it has one (the task is RUNNING, and
 * status requests show it). A failure to publish is logged, never the operation's failure.
 */
const publish = (deps: CoreDeps, journal: OperationJournal): TE.TaskEither<never, void> => {
  const publishProgress = deps.publishProgress;
  if (publishProgress === undefined) return TE.right(undefined);
  return pipe(
    publishProgress(journal.logs),
    TE.orElse((error) => {
      deps.logger.warn({ error: error._tag }, 'could not publish the progress of a running task');
      return TE.right<never, void>(undefined);
    }),
  );
};

/**
 * Reads the job until it finishes or the deadline passes, logging each change of its status, rows or
 * bytes, and publishing the log while the task runs (a person following the task sees the job move). A
 * change of the counts alone replaces the previous such line, so a long job keeps a short log. Only the
 * job's own state ends the wait, or the deadline.
 */
export const followJob = (
  deps: CoreDeps,
  journal: OperationJournal,
  what: { readonly job: AirbyteJob; readonly label: string; readonly timeoutSeconds: number },
): TE.TaskEither<ProvisioningError, JobOutcome> => {
  const timer = deps.timer;
  if (timer === undefined) {
    return TE.left(
      unsupported(`This provisioner cannot wait for ${what.label}: it was built without a timer`),
    );
  }
  const deadline = deps.clock.now() + what.timeoutSeconds * 1000;
  const interval = deps.jobPollIntervalMs ?? DEFAULT_JOB_POLL_INTERVAL_MS;
  const loop = (last: AirbyteJob): TE.TaskEither<ProvisioningError, JobOutcome> =>
    pipe(
      TE.fromTask(timer.sleep(Math.max(0, Math.min(interval, deadline - deps.clock.now())))),
      TE.chain(() => step(`read ${what.label} ${last.id}`)(deps.gateway.getJob(last.id))),
      TE.chain((job) => {
        const changed = progressChanged(last, job);
        if (job.status !== last.status) {
          journal.info(progressLine(what.label, job), 'sync');
          deps.logger.info({ jobId: job.id, status: job.status }, `${what.label} ${job.status}`);
        } else if (changed) journal.progress(progressLine(what.label, job), 'sync');
        if (jobFinished(job.status))
          return TE.right<ProvisioningError, JobOutcome>({ _tag: 'Finished', job });
        if (deps.clock.now() >= deadline)
          return TE.right<ProvisioningError, JobOutcome>({ _tag: 'TimedOut', job });
        return pipe(
          changed ? publish(deps, journal) : TE.right(undefined),
          TE.chain(() => loop(job)),
        );
      }),
    );
  return jobFinished(what.job.status)
    ? TE.right({ _tag: 'Finished', job: what.job })
    : pipe(
        publish(deps, journal),
        TE.chain(() => loop(what.job)),
      );
};

/**
 * Waits for the sync a deploy started. Succeeded: done. Failed or cancelled: the deploy fails with what
 * Airbyte says of the job, and the sync is due again so that the next provision retries it. Still running
 * at the deadline: a failure, or a warning when the descriptor asks for one (the job keeps running).
 */
export const awaitSync = (
  deps: CoreDeps,
  journal: OperationJournal,
  job: AirbyteJob,
  wait: SyncWait,
): TE.TaskEither<ProvisioningError, AirbyteJob> =>
  pipe(
    followJob(deps, journal, { job, label: 'sync job', timeoutSeconds: wait.timeoutSeconds }),
    TE.chain((outcome) => {
      const { job: last } = outcome;
      if (outcome._tag === 'Finished' && last.status === 'succeeded') {
        journal.info(`Sync job ${last.id} succeeded`, 'sync');
        return TE.right(last);
      }
      if (outcome._tag === 'TimedOut' && wait.onTimeout === 'warn') {
        journal.warn(
          `Sync job ${last.id} is still ${last.status} after ${wait.timeoutSeconds} s; not waiting any longer (it keeps running in Airbyte)`,
          'sync',
        );
        return TE.right(last);
      }
      journal.note({ syncDue: true });
      const { workspaceId } = journal.record;
      const message =
        outcome._tag === 'TimedOut'
          ? `${unfinishedJob('sync job', last, wait.timeoutSeconds, workspaceId, deps.airbyteUiUrl)}. The next provision starts a new sync if it did not succeed`
          : `${unsuccessfulJob('sync job', last, workspaceId, deps.airbyteUiUrl)}. The next provision starts the sync again`;
      return TE.left(stateConflict(SYNC_WAIT_STEP, message, [String(last.id)]));
    }),
  );
