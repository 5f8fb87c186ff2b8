/**
 * Makes Airbyte hold what a validated component declares. Independent calls run in parallel: the three
 * lookups, then the source and destination writes; then discovery, the connection, the deletion of what
 * was replaced, and the optional sync. The record is saved whether the deploy succeeds or fails half-way.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { AirbyteJob, DiscoveredStream } from '../domain/airbyte-state.js';
import type { OperationFailure, OperationResult } from '../domain/operation-result.js';
import { invalidRequest, type ProvisioningError } from '../errors/provisioning-error.js';
import { planConnection } from '../planner/plan-connection.js';
import type { DeployPlan } from '../planner/plan-deploy.js';
import { applyActor } from './apply-actors.js';
import { applyConnection, type AppliedConnection } from './apply-connection.js';
import type { CoreDeps } from './core-deps.js';
import { deploymentInfo, syncJobEntry } from './deployment-info.js';
import { step } from './locate.js';
import { OperationJournal } from './operation-journal.js';
import { parallel } from './parallel.js';
import { prepareDeploy, type PreparedDeploy } from './prepare-deploy.js';
import { inComponentWorkspace, withWorkspaceLogs } from './component-workspace.js';
import { claimRecorded, lockUnavailable } from './resource-ownership.js';
import { retireReplaced } from './retire.js';
import { scheduleDoubtRechecks } from './recheck-doubtful-creates.js';
import { noteDoubtfulCreates, settleDoubtfulCreates } from './settle-doubtful-creates.js';
import { awaitSync, noteSyncDue, startSyncIfDue } from './sync-after-deploy.js';

const discover =
  (deps: CoreDeps, journal: OperationJournal, plan: DeployPlan) =>
  (ids: {
    readonly source: string;
    readonly destination: string;
  }): TE.TaskEither<ProvisioningError, O.Option<ReadonlyArray<DiscoveredStream>>> =>
    plan.discover
      ? pipe(
          step("discover the source's streams")(deps.gateway.discoverStreams(ids.source, ids.destination)),
          TE.map((streams) => {
            journal.info(
              `Discovered ${streams.length} stream(s): ${streams.map((s) => s.name).join(', ')}`,
              'connection',
            );
            return O.some(streams);
          }),
        )
      : TE.right(O.none);

/** Whether the plan changes anything in Airbyte. */
const writes = (prepared: PreparedDeploy, connection: string): boolean =>
  prepared.plan.source._tag !== 'Noop' || prepared.plan.destination._tag !== 'Noop' || connection !== 'Noop';

interface Executed {
  readonly result: OperationResult;
  /** The sync this deploy started (or found running), if any. */
  readonly job: O.Option<AirbyteJob>;
}

const execute =
  (deps: CoreDeps, journal: OperationJournal, component: ValidatedComponent) =>
  (prepared: PreparedDeploy): TE.TaskEither<ProvisioningError, Executed> => {
    const { plan, located, fingerprints } = prepared;
    const desired = component.desired;
    const policy = desired.connection.syncOnProvision;
    const apply = applyActor(deps.gateway, journal);
    return pipe(
      // a sync is noted as due before the writes, so a deploy that fails half-way still syncs on its retry
      TE.fromIO(() =>
        noteSyncDue(journal, policy, {
          created: false,
          changed: plan.source._tag !== 'Noop' || plan.destination._tag !== 'Noop',
        }),
      ),
      TE.chain(() =>
        parallel({
          source: apply(plan.source, fingerprints.source.desired),
          destination: apply(plan.destination, fingerprints.destination.desired),
        }),
      ),
      TE.bindTo('ids'),
      TE.bind('catalog', ({ ids }) => discover(deps, journal, plan)(ids)),
      TE.bind('action', ({ ids, catalog }) =>
        TE.fromEither(
          pipe(
            planConnection({
              desired: desired.connection,
              actual: located.connection,
              sourceId: ids.source,
              destinationId: ids.destination,
              catalog,
            }),
            E.mapLeft(invalidRequest),
          ),
        ),
      ),
      TE.chainFirstIOK(
        ({ action }) =>
          () =>
            noteSyncDue(journal, policy, {
              created: action._tag === 'Create' || action._tag === 'Replace',
              changed: action._tag !== 'Noop',
            }),
      ),
      TE.bind('connection', ({ action }) =>
        applyConnection(deps.gateway, journal)(action, located.connection),
      ),
      TE.chainFirst(() => retireReplaced(deps.gateway, journal)()),
      TE.chainFirst(() => {
        const { sourceId, destinationId, connectionId } = journal.record;
        return settleDoubtfulCreates(
          deps.gateway,
          deps.clock,
          journal,
        )([sourceId, destinationId, connectionId]);
      }),
      TE.bind('job', ({ connection }) => startSyncIfDue(deps, journal, policy)(connection.id)),
      TE.map(({ action, connection, job }) => ({
        result: {
          message: writes(prepared, action._tag)
            ? `Deployed Airbyte connection "${desired.connection.name}" (${connection.id}) from source "${desired.source.name}" to destination "${desired.destination.name}"`
            : `Airbyte connection "${desired.connection.name}" (${connection.id}) is up to date; nothing changed`,
          info: infoOf(deps, journal, component, connection.streams, job),
          logs: journal.logs,
        },
        job,
      })),
    );
  };

const infoOf = (
  deps: CoreDeps,
  journal: OperationJournal,
  component: ValidatedComponent,
  streams: AppliedConnection['streams'],
  job: O.Option<AirbyteJob>,
) =>
  deploymentInfo({
    desired: component.desired,
    record: journal.record,
    streams,
    ...(O.isSome(job) ? { syncJob: job.value } : {}),
    ...(deps.airbyteUiUrl === undefined ? {} : { airbyteUiUrl: deps.airbyteUiUrl }),
  });

/**
 * With `waitForSync`, follows the job the deploy started: after the record (with the job id) is saved,
 * so that nothing learnt is lost if the wait fails or the process stops meanwhile.
 */
const awaitSyncIfAsked =
  (deps: CoreDeps, journal: OperationJournal, component: ValidatedComponent) =>
  ({ result, job }: Executed): TE.TaskEither<ProvisioningError, OperationResult> => {
    const wait = component.desired.connection.waitForSync;
    if (wait === undefined || O.isNone(job)) return TE.right(result);
    return pipe(
      awaitSync(deps, journal, job.value, wait),
      TE.map((last) => ({
        ...result,
        info: {
          publicInfo: {
            ...result.info.publicInfo,
            lastSyncJob: syncJobEntry(journal.record, last, deps.airbyteUiUrl),
          },
          privateInfo: { airbyte: { ...journal.record } },
        },
        logs: journal.logs,
      })),
    );
  };

/** What was located becomes the starting record: ids found, fingerprints only for the same actors. */
const noteLocated = (journal: OperationJournal, prepared: PreparedDeploy): void => {
  const { located, fingerprints } = prepared;
  journal.note({
    sourceId: O.toUndefined(O.map((a: { readonly id: string }) => a.id)(located.source)),
    destinationId: O.toUndefined(O.map((a: { readonly id: string }) => a.id)(located.destination)),
    connectionId: O.toUndefined(O.map((c: { readonly id: string }) => c.id)(located.connection)),
    sourceFingerprint: O.toUndefined(fingerprints.source.stored),
    destinationFingerprint: O.toUndefined(fingerprints.destination.stored),
  });
};

interface Stopped {
  readonly error: ProvisioningError;
  readonly located: boolean;
}

export const deployComponent =
  (deps: CoreDeps) =>
  (component: ValidatedComponent): TE.TaskEither<OperationFailure, OperationResult> =>
  () => {
    // one journal per run: the returned TaskEither may be run more than once
    const journal = new OperationJournal(deps.clock, deps.workspaceId);
    component.warnings.forEach((w) => journal.warn(w, 'validate'));
    const save = (): TE.TaskEither<ProvisioningError, void> =>
      pipe(
        deps.deploymentRecords.put(component.componentId, journal.record),
        TE.chain(() => claimRecorded(deps, component.componentId, component.desired, journal.record)),
      );
    // a failure says whether the resources were located: only then is there something new to record
    const failed =
      (located: boolean) =>
      (error: ProvisioningError): Stopped => ({ error, located });
    return pipe(
      prepareDeploy(deps)(component),
      TE.mapLeft(failed(false)),
      TE.chainFirstIOK((prepared) => () => {
        // pending deletions are kept from every known record: nothing replaced is forgotten
        const pending = prepared.records
          .flatMap((r) => r.pendingDeletions ?? [])
          .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
        journal.note({
          ...prepared.records[0],
          workspaceId: deps.workspaceId,
          workspaceName: deps.workspaceName,
          pendingDeletions: pending.length === 0 ? undefined : pending,
        });
        noteLocated(journal, prepared);
        noteDoubtfulCreates(journal, prepared.records);
      }),
      TE.chain((prepared) =>
        pipe(execute(deps, journal, component)(prepared), TE.chainFirst(save), TE.mapLeft(failed(true))),
      ),
      TE.chainFirstIOK(() => () => scheduleDoubtRechecks(deps, component.componentId, journal.record)),
      TE.chain((executed) =>
        pipe(awaitSyncIfAsked(deps, journal, component)(executed), TE.mapLeft(failed(true))),
      ),
      TE.chainFirstIOK(
        (result) => () =>
          deps.logger.info({ componentId: component.componentId, record: journal.record }, result.message),
      ),
      TE.orElseW(({ error, located }) =>
        pipe(
          // before anything was located there is nothing new to record, and the old record must stay
          located
            ? pipe(
                save(),
                TE.chainFirstIOK(
                  () => () => scheduleDoubtRechecks(deps, component.componentId, journal.record),
                ),
              )
            : TE.right<ProvisioningError, void>(undefined),
          // failing to save must not hide the error that stopped the deploy
          TE.orElse(() => TE.right<never, void>(undefined)),
          TE.chainW(() => {
            deps.logger.warn({ componentId: component.componentId, error: error._tag }, 'deploy failed');
            return TE.left<OperationFailure, OperationResult>(journal.failure(error, located));
          }),
        ),
      ),
    )();
  };

/**
 * Deploys under the component's lock, in the component's workspace: two operations on one component never
 * interleave their Airbyte calls.
 */
export const lockedDeploy =
  (deps: CoreDeps) =>
  (component: ValidatedComponent): TE.TaskEither<OperationFailure, OperationResult> =>
    deps.lock.withLock(
      component.componentId,
      inComponentWorkspace(
        deps,
        component,
        'create',
        (scoped) => deployComponent(scoped)(component),
        withWorkspaceLogs,
      ),
      lockUnavailable,
    );
