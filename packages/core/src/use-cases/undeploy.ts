/**
 * Removes a component's resources: found by the recorded ids first, then by name; the connection first,
 * then the source and destination, each kept when another component's connection still uses it; then
 * what an interrupted replacement left to delete (the records' pending deletions), which is ours too.
 * What is already gone is success. The deployment record is removed at the end.
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { parallel } from './parallel.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { ActorKind, AirbyteActor, AirbyteConnection } from '../domain/airbyte-state.js';
import type { DeploymentRecord, OperationFailure, OperationResult } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { describeConnections, foreignConnections } from '../planner/ownership.js';
import { planUnprovision, type ForeignUsage } from '../planner/plan-unprovision.js';
import type { LocatedState, UnprovisionAction } from '../planner/plan.types.js';
import type { CoreDeps } from './core-deps.js';
import { locateAll, step } from './locate.js';
import { OperationJournal } from './operation-journal.js';
import { knownRecords } from './previous-record.js';
import { lockUnavailable, withoutForeign } from './resource-ownership.js';
import { retireReplaced } from './retire.js';
import { noteDoubtfulCreates, settleDoubtfulCreates } from './settle-doubtful-creates.js';
import { clearSyncedData } from './clear-synced-data.js';
import { inComponentWorkspace, withWorkspaceLogs } from './component-workspace.js';
import { retireWorkspace } from './retire-workspace.js';

type PendingDeletion = NonNullable<DeploymentRecord['pendingDeletions']>[number];

const foreignUsers =
  (deps: CoreDeps, component: ValidatedComponent, located: LocatedState, pending: ReadonlyArray<string>) =>
  (
    kind: ActorKind,
    actor: O.Option<AirbyteActor>,
  ): TE.TaskEither<ProvisioningError, ReadonlyArray<AirbyteConnection>> =>
    O.isNone(actor)
      ? TE.right([])
      : pipe(
          step(`check which connections use ${kind} "${actor.value.name}"`)(
            deps.gateway.findConnectionsUsing(kind, actor.value.id),
          ),
          TE.map((using) =>
            foreignConnections(
              // a connection this component replaced and has yet to delete is not another component's
              using.filter((c) => !pending.includes(c.id)),
              { located: located.connection, name: component.desired.connection.name },
            ),
          ),
        );

/** The pending deletions of every known record, once each, but for what is located as current again. */
const pendingOf = (
  records: ReadonlyArray<DeploymentRecord>,
  located: LocatedState,
): ReadonlyArray<PendingDeletion> => {
  const ids = (found: O.Option<{ readonly id: string }>): ReadonlyArray<string> =>
    O.isSome(found) ? [found.value.id] : [];
  const current = [...ids(located.source), ...ids(located.destination), ...ids(located.connection)];
  return records
    .flatMap((r) => r.pendingDeletions ?? [])
    .filter((p, i, all) => !current.includes(p.id) && all.findIndex((q) => q.id === p.id) === i);
};

const run =
  (deps: CoreDeps, journal: OperationJournal, component?: ValidatedComponent) =>
  (action: UnprovisionAction): TE.TaskEither<ProvisioningError, void> => {
    switch (action._tag) {
      case 'Absent':
        return TE.fromIO(() =>
          journal.info(`No ${action.kind} "${action.name}" found: nothing to delete`, action.kind),
        );
      case 'Keep':
        return TE.fromIO(() =>
          journal.warn(
            `Kept ${action.kind} "${action.name}" (${action.id}): connection(s) ${describeConnections(action.usedBy)} of another component use it`,
            action.kind,
          ),
        );
      case 'Delete':
        return pipe(
          action.kind === 'connection' && component?.removeData === true
            ? clearSyncedData(deps, journal, component, action.id)
            : TE.right(undefined),
          TE.chain(() =>
            step(`delete ${action.kind} "${action.name}"`)(
              action.kind === 'connection'
                ? deps.gateway.deleteConnection(action.id)
                : deps.gateway.deleteActor(action.kind, action.id),
            ),
          ),
          TE.map(() => journal.info(`Deleted ${action.kind} "${action.name}" (${action.id})`, action.kind)),
        );
    }
  };

const summary = (connection: string, actions: ReadonlyArray<UnprovisionAction>): string => {
  const kept = actions.filter((a) => a._tag === 'Keep').map((a) => a.kind);
  return (
    `Removed Airbyte connection "${connection}" and its resources` +
    (kept.length === 0 ? '' : `, except the ${kept.join(' and ')} other components still use`)
  );
};

export const undeployComponent =
  (deps: CoreDeps) =>
  (component: ValidatedComponent): TE.TaskEither<OperationFailure, OperationResult> =>
  () => {
    const journal = new OperationJournal(deps.clock, deps.workspaceId);
    component.warnings.forEach((w) => journal.warn(w, 'validate'));
    const desired = component.desired;
    return pipe(
      // the ids the platform sent back are tried first, then ours, then the names
      knownRecords(deps.deploymentRecords, 'platform-first')(component),
      TE.bindTo('records'),
      TE.bind('located', ({ records }) =>
        pipe(
          locateAll(deps.gateway)(desired, records),
          // what another component owns is left alone, whatever its name
          TE.chain(withoutForeign(deps, component.componentId)),
          TE.map(({ located, foreign }) => {
            foreign.forEach((o) =>
              journal.warn(
                `Left ${o.resource.kind} "${o.resource.name}" (${o.resource.id}) alone: it belongs to component ${o.componentId}`,
                o.resource.kind,
              ),
            );
            return located;
          }),
        ),
      ),
      TE.let('pending', ({ records, located }) => pendingOf(records, located)),
      TE.bind('usage', ({ located, pending }): TE.TaskEither<ProvisioningError, ForeignUsage> => {
        const users = foreignUsers(
          deps,
          component,
          located,
          pending.map((p) => p.id),
        );
        return parallel({
          source: users('source', located.source),
          destination: users('destination', located.destination),
        });
      }),
      TE.chain(({ records, located, usage, pending }) => {
        const [connection, ...actors] = planUnprovision(desired, located, usage);
        journal.note({ pendingDeletions: pending.length === 0 ? undefined : pending });
        noteDoubtfulCreates(journal, records);
        // what was located is ours, deleted or kept for another component: never a late copy
        const ours = [located.source, located.destination, located.connection].map(
          O.match(
            () => undefined,
            (found: { readonly id: string }) => found.id,
          ),
        );
        return pipe(
          connection === undefined ? TE.right(undefined) : run(deps, journal, component)(connection),
          TE.chain(() => TE.traverseArray(run(deps, journal))(actors)),
          TE.chainFirst(retireReplaced(deps.gateway, journal)),
          TE.chainFirst(() => settleDoubtfulCreates(deps.gateway, deps.clock, journal)(ours)),
          TE.map(() => (connection === undefined ? actors : [connection, ...actors])),
        );
      }),
      TE.chainFirst(() => deps.deploymentRecords.remove(component.componentId)),
      TE.bindTo('actions'),
      TE.chainFirst(({ actions }) =>
        deps.ownership.release(
          component.componentId,
          actions.flatMap((a) => (a._tag === 'Delete' ? [a.id] : [])),
        ),
      ),
      TE.map(({ actions }): OperationResult => ({
        message: summary(desired.connection.name, actions),
        info: { publicInfo: {}, privateInfo: {} },
        logs: journal.logs,
      })),
      TE.mapLeft((error) => journal.failure(error, false)),
    )();
  };

/**
 * Undeploys under the component's lock, in the component's workspace (a workspace not created yet holds
 * nothing to delete): two operations on one component never interleave their Airbyte calls.
 */
export const lockedUndeploy =
  (deps: CoreDeps) =>
  (component: ValidatedComponent): TE.TaskEither<OperationFailure, OperationResult> =>
    deps.lock.withLock(
      component.componentId,
      inComponentWorkspace(
        deps,
        component,
        'lookup',
        (scoped, resolved) =>
          pipe(
            undeployComponent(scoped)(component),
            TE.chain((result) =>
              pipe(
                retireWorkspace(scoped, component, resolved, deps.workspaceId),
                TE.map((logs) => ({ ...result, logs: [...result.logs, ...logs] })),
                TE.mapLeft((error): OperationFailure => ({ error, logs: result.logs })),
              ),
            ),
          ),
        withWorkspaceLogs,
      ),
      lockUnavailable,
    );
