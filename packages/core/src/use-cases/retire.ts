/**
 * Deletes what this component replaced (recorded as pending deletions, possibly by an earlier deploy
 * that failed half-way): old connections first, then old actors. An actor a connection still uses is
 * kept, with a warning: what another component uses is never deleted. Deleting what is gone is success.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ActorKind } from '../domain/airbyte-state.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import { describeConnections } from '../planner/ownership.js';
import { step } from './locate.js';
import type { OperationJournal } from './operation-journal.js';

const done = (journal: OperationJournal, id: string): void => {
  const rest = (journal.record.pendingDeletions ?? []).filter((p) => p.id !== id);
  journal.note({ pendingDeletions: rest.length === 0 ? undefined : rest });
};

/**
 * Deletes an actor unless a connection uses it (then it is kept, with a warning: what another component
 * uses is never deleted). `what` names it in the steps and log lines, e.g. `the replaced source <id>`.
 */
export const deleteActorUnlessUsed =
  (gateway: AirbyteGateway, journal: OperationJournal) =>
  (kind: ActorKind, id: string, what: string): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      step(`check which connections use ${what}`)(gateway.findConnectionsUsing(kind, id)),
      TE.chain((using) =>
        using.length > 0
          ? TE.fromIO(() =>
              journal.warn(`Kept ${what}: connection(s) ${describeConnections(using)} use it`, kind),
            )
          : pipe(
              step(`delete ${what}`)(gateway.deleteActor(kind, id)),
              TE.map(() => journal.info(`Deleted ${what}`, kind)),
            ),
      ),
    );

/** Deletes a connection; `what` names it as for `deleteActorUnlessUsed`. */
export const deleteConnectionNamed =
  (gateway: AirbyteGateway, journal: OperationJournal) =>
  (id: string, what: string): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      step(`delete ${what}`)(gateway.deleteConnection(id)),
      TE.map(() => journal.info(`Deleted ${what}`, 'connection')),
    );

export const retireReplaced =
  (gateway: AirbyteGateway, journal: OperationJournal) => (): TE.TaskEither<ProvisioningError, void> => {
    const current = [journal.record.sourceId, journal.record.destinationId, journal.record.connectionId];
    // a pending id that is current again is simply ours now
    const pending = (journal.record.pendingDeletions ?? []).filter((p) => !current.includes(p.id));
    journal.note({ pendingDeletions: pending.length === 0 ? undefined : pending });
    const connections = pending.filter((p) => p.kind === 'connection');
    const actors = pending.flatMap((p) => (p.kind === 'connection' ? [] : [{ kind: p.kind, id: p.id }]));
    return pipe(
      TE.traverseArray((p: { readonly id: string }) =>
        pipe(
          deleteConnectionNamed(gateway, journal)(p.id, `the replaced connection ${p.id}`),
          TE.map(() => done(journal, p.id)),
        ),
      )(connections),
      TE.chain(() =>
        TE.traverseArray((a: { readonly kind: ActorKind; readonly id: string }) =>
          pipe(
            deleteActorUnlessUsed(gateway, journal)(a.kind, a.id, `the replaced ${a.kind} ${a.id}`),
            TE.map(() => done(journal, a.id)),
          ),
        )(actors),
      ),
      TE.map(() => undefined),
    );
  };
