/**
 * Late copies removed without waiting for the next operation: after a deploy that recorded doubtful creates, their late
 * copies are looked for again in the background, a few seconds after the doubt, a minute after, and once
 * the doubt window is over, so that a copy landing after the deploy is deleted even if nobody deploys the
 * component again. Each look runs under the component's lock, from the record as it is then (a later
 * deploy or an unprovision may have settled or removed it), and saves what it settled. Best effort: a
 * failure is logged, and the next look, or the next operation, tries again.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as T from 'fp-ts/lib/Task.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { identity, pipe } from 'fp-ts/lib/function.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import { describeError } from '../errors/describe-error.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { CoreDeps } from './core-deps.js';
import { OperationJournal } from './operation-journal.js';
import { DOUBT_WINDOW_MS, settleDoubtfulCreates } from './settle-doubtful-creates.js';

/** When to look again, after the earliest doubt began: soon, later, and past the window. */
export const DOUBT_RECHECKS_MS: ReadonlyArray<number> = [5_000, 60_000, DOUBT_WINDOW_MS + 1_000];

const settleRecorded =
  (deps: CoreDeps, componentId: string) =>
  (record: DeploymentRecord): TE.TaskEither<ProvisioningError, void> => {
    if ((record.doubtfulCreates ?? []).length === 0) return TE.right(undefined);
    const journal = new OperationJournal(deps.clock, record.workspaceId);
    journal.note(record);
    return pipe(
      settleDoubtfulCreates(
        deps.gateway,
        deps.clock,
        journal,
      )([record.sourceId, record.destinationId, record.connectionId]),
      TE.chain(() => deps.deploymentRecords.put(componentId, journal.record)),
      TE.map(() =>
        journal.logs.forEach((entry) =>
          (entry.level === 'WARNING' ? deps.logger.warn : deps.logger.info)(
            { componentId },
            `Background look for late copies: ${entry.message}`,
          ),
        ),
      ),
    );
  };

/** One look, under the component's lock, from the record as it is now. */
export const recheckDoubtfulCreates =
  (deps: CoreDeps, componentId: string): T.Task<void> =>
  () =>
    pipe(
      deps.lock.withLock(
        componentId,
        pipe(
          deps.deploymentRecords.get(componentId),
          TE.chain(
            O.match(() => TE.right<ProvisioningError, void>(undefined), settleRecorded(deps, componentId)),
          ),
        ),
        identity,
      ),
      T.map(
        E.match(
          (error) =>
            deps.logger.warn(
              { componentId, error: error._tag },
              `Background look for late copies failed (${describeError(error)}); the next look or operation tries again`,
            ),
          () => undefined,
        ),
      ),
    )();

/** Schedules the looks for a record's doubts (none without a scheduler, or without doubts). */
export const scheduleDoubtRechecks = (
  deps: CoreDeps,
  componentId: string,
  record: DeploymentRecord,
): void => {
  const doubts = record.doubtfulCreates ?? [];
  if (deps.scheduler === undefined || doubts.length === 0) return;
  const since = Math.min(...doubts.map((d) => d.since));
  const now = deps.clock.now();
  for (const after of DOUBT_RECHECKS_MS) {
    const delay = since + after - now;
    if (delay < 0) continue;
    deps.scheduler.runAfter(delay, () => {
      // counted as running work once due: a shutdown waits for a look in progress, not for one to come
      deps.background.spawn(recheckDoubtfulCreates(deps, componentId));
      return Promise.resolve();
    });
  }
};
