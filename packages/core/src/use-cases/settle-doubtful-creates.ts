/**
 * Rule 6's last case. A create whose answer was lost is looked up by name before it is sent again; but
 * Airbyte may perform the first attempt later still, after the lookup found nothing and the create was sent
 * again, leaving a same-named duplicate. Such creates are recorded as doubtful, and for a while after each
 * operation looks for that duplicate: a resource of the kind and name that is not the one recorded (and,
 * for a connection, joins our source and destination) is deleted, unless a connection of another component
 * uses it (rule 4). After the window the record forgets the create: no request waits that long in Airbyte.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ActorKind, AirbyteActor, AirbyteConnection } from '../domain/airbyte-state.js';
import type { DeploymentRecord, DoubtfulCreate } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import { describeConnections } from '../planner/ownership.js';
import { step } from './locate.js';
import type { OperationJournal } from './operation-journal.js';

export const DOUBT_WINDOW_MS = 15 * 60_000;

/** The doubtful creates of these records, once each, noted in the journal. */
export const noteDoubtfulCreates = (
  journal: OperationJournal,
  records: ReadonlyArray<DeploymentRecord>,
): void => {
  const all = [...(journal.record.doubtfulCreates ?? []), ...records.flatMap((r) => r.doubtfulCreates ?? [])];
  const once = all.filter(
    (d, i) => all.findIndex((e) => e.kind === d.kind && e.name === d.name && e.since === d.since) === i,
  );
  journal.note({ doubtfulCreates: once.length === 0 ? undefined : once });
};

/** Records a create that reported an earlier attempt with a lost answer. */
export const noteIfDoubtful = (
  journal: OperationJournal,
  kind: DoubtfulCreate['kind'],
  created: AirbyteActor | AirbyteConnection,
): void => {
  if (created.doubtfulSince === undefined) return;
  journal.note({
    doubtfulCreates: [
      ...(journal.record.doubtfulCreates ?? []),
      { kind, name: created.name, since: created.doubtfulSince },
    ],
  });
  journal.warn(
    `The answer to creating ${kind} "${created.name}" was lost and it was created again (${created.id}); a late copy of the first attempt will be deleted if it appears`,
    kind,
  );
};

/** What is ours: the resources the record holds now (none after an unprovision) and their actors. */
export interface Kept {
  readonly source?: string | undefined;
  readonly destination?: string | undefined;
  readonly connection?: string | undefined;
}

const deleteActorCopy =
  (gateway: AirbyteGateway, journal: OperationJournal) =>
  (kind: ActorKind, copy: AirbyteActor): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      step(`check which connections use ${kind} ${copy.id}`)(gateway.findConnectionsUsing(kind, copy.id)),
      TE.chain((using) => {
        if (using.length > 0) {
          journal.warn(
            `Kept ${kind} "${copy.name}" (${copy.id}), a late copy of a create whose answer was lost: connection(s) ${describeConnections(using)} use it`,
            kind,
          );
          return TE.right(undefined);
        }
        return pipe(
          step(`delete ${kind} ${copy.id}`)(gateway.deleteActor(kind, copy.id)),
          TE.map(() =>
            journal.info(
              `Deleted ${kind} "${copy.name}" (${copy.id}), a late copy of a create whose answer was lost`,
              kind,
            ),
          ),
        );
      }),
    );

const settleOne =
  (gateway: AirbyteGateway, journal: OperationJournal, kept: Kept, actors: Kept) =>
  (doubt: DoubtfulCreate): TE.TaskEither<ProvisioningError, void> => {
    if (doubt.kind !== 'connection') {
      const kind = doubt.kind;
      return pipe(
        step(`find ${kind} "${doubt.name}"`)(gateway.findActorsByName(kind, doubt.name)),
        TE.map((found) => found.filter((a) => a.id !== kept[kind])),
        TE.chain(TE.traverseSeqArray((copy) => deleteActorCopy(gateway, journal)(kind, copy))),
        TE.map(() => undefined),
      );
    }
    return pipe(
      step(`find connection "${doubt.name}"`)(gateway.findConnectionsByName(doubt.name)),
      TE.map((found) =>
        found.filter(
          (c) =>
            c.id !== kept.connection &&
            c.sourceId === actors.source &&
            c.destinationId === actors.destination,
        ),
      ),
      TE.chain(
        TE.traverseSeqArray((copy) =>
          pipe(
            step(`delete connection ${copy.id}`)(gateway.deleteConnection(copy.id)),
            TE.map(() =>
              journal.info(
                `Deleted connection "${copy.name}" (${copy.id}), a late copy of a create whose answer was lost`,
                'connection',
              ),
            ),
          ),
        ),
      ),
      TE.map(() => undefined),
    );
  };

/**
 * Deletes the late copies of the journal's doubtful creates that are still in their window, and forgets
 * those past it. `actors` are the source and destination a copied connection would join.
 */
export const settleDoubtfulCreates =
  (gateway: AirbyteGateway, clock: Clock, journal: OperationJournal, kept: Kept, actors: Kept) =>
  (): TE.TaskEither<ProvisioningError, void> => {
    const now = clock.now();
    const live = (journal.record.doubtfulCreates ?? []).filter((d) => now - d.since <= DOUBT_WINDOW_MS);
    journal.note({ doubtfulCreates: live.length === 0 ? undefined : live });
    return pipe(
      TE.traverseSeqArray(settleOne(gateway, journal, kept, actors))(live),
      TE.map(() => undefined),
    );
  };
