/**
 * Retried writes never duplicate a resource, down to the last case. A create whose answer was lost is
 * looked up before it is sent again; but Airbyte may perform the first attempt later still, after the
 * lookup found nothing and the create was sent again, leaving a duplicate. Such creates are recorded as doubtful, with what a copy would be made of, and each
 * later operation on the component looks for the copy: a resource of that kind and name, made of the same
 * connector definition (a connection: joining the same source and destination), that is not the one the
 * create answered nor one the component holds. A copy is deleted, unless a connection of another component
 * uses it (what another component uses is never deleted). A doubt is looked up once more after its
 * window, then forgotten: no request waits that long in Airbyte. The look-up is best effort: when it fails, the operation goes on and the doubt stays.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { AirbyteActor, AirbyteConnection } from '../domain/airbyte-state.js';
import type { DeploymentRecord, DoubtfulCreate } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import { step } from './locate.js';
import { describeError } from '../errors/describe-error.js';
import type { OperationJournal } from './operation-journal.js';
import { deleteActorUnlessUsed, deleteConnectionNamed } from './retire.js';

export const DOUBT_WINDOW_MS = 15 * 60_000;

const noteDoubts = (journal: OperationJournal, doubts: ReadonlyArray<DoubtfulCreate>): void =>
  journal.note({ doubtfulCreates: doubts.length === 0 ? undefined : doubts });

/** The doubtful creates of these records, once each, noted in the journal. */
export const noteDoubtfulCreates = (
  journal: OperationJournal,
  records: ReadonlyArray<DeploymentRecord>,
): void => {
  const all = [...(journal.record.doubtfulCreates ?? []), ...records.flatMap((r) => r.doubtfulCreates ?? [])];
  noteDoubts(
    journal,
    all.filter(
      (d, i) => all.findIndex((e) => e.kind === d.kind && e.id === d.id && e.since === d.since) === i,
    ),
  );
};

/** Records a create that reported an earlier attempt with a lost answer. */
export const noteIfDoubtful = (
  journal: OperationJournal,
  created: AirbyteActor | AirbyteConnection,
): void => {
  if (created.doubtfulSince === undefined) return;
  const kind = 'kind' in created ? created.kind : 'connection';
  const madeOf =
    'kind' in created
      ? { definitionId: created.definitionId }
      : { sourceId: created.sourceId, destinationId: created.destinationId };
  noteDoubts(journal, [
    ...(journal.record.doubtfulCreates ?? []),
    { kind, name: created.name, since: created.doubtfulSince, id: created.id, ...madeOf },
  ]);
  journal.warn(
    `The answer to creating ${kind} "${created.name}" was lost and it was created again (${created.id}); a late copy of the first attempt will be deleted if it appears`,
    kind,
  );
};

const LATE_COPY = 'a late copy of a create whose answer was lost';

/** Deletes the late copies of one doubtful create; `ours` are the ids the component holds. */
const settleOne =
  (gateway: AirbyteGateway, journal: OperationJournal, ours: ReadonlyArray<string>) =>
  (doubt: DoubtfulCreate): TE.TaskEither<ProvisioningError, void> => {
    const notOurs = (r: { readonly id: string }) => r.id !== doubt.id && !ours.includes(r.id);
    const kind = doubt.kind;
    const copies =
      kind === 'connection'
        ? pipe(
            step(`look for a late copy of connection "${doubt.name}"`)(
              gateway.findConnectionsByName(doubt.name),
            ),
            TE.chain((found) =>
              TE.traverseSeqArray((copy: AirbyteConnection) =>
                deleteConnectionNamed(gateway, journal)(
                  copy.id,
                  `connection "${copy.name}" (${copy.id}), ${LATE_COPY}`,
                ),
              )(
                found.filter(
                  (c) =>
                    notOurs(c) && c.sourceId === doubt.sourceId && c.destinationId === doubt.destinationId,
                ),
              ),
            ),
          )
        : pipe(
            step(`look for a late copy of ${kind} "${doubt.name}"`)(
              gateway.findActorsByName(kind, doubt.name),
            ),
            TE.chain((found) =>
              TE.traverseSeqArray((copy: AirbyteActor) =>
                deleteActorUnlessUsed(gateway, journal)(
                  kind,
                  copy.id,
                  `${kind} "${copy.name}" (${copy.id}), ${LATE_COPY}`,
                ),
              )(found.filter((a) => notOurs(a) && a.definitionId === doubt.definitionId)),
            ),
          );
    return pipe(
      copies,
      TE.map(() => undefined),
    );
  };

/**
 * Deletes the late copies of the journal's doubtful creates, and forgets those past their window. `ours`
 * are the ids the component holds (or held, for an unprovision). Never fails: a look-up that fails is
 * reported as a warning and its doubt kept for the next operation.
 */
export const settleDoubtfulCreates =
  (gateway: AirbyteGateway, clock: Clock, journal: OperationJournal) =>
  (ours: ReadonlyArray<string | undefined>): TE.TaskEither<ProvisioningError, void> => {
    const held = ours.filter((id): id is string => id !== undefined);
    const doubts = journal.record.doubtfulCreates ?? [];
    const now = clock.now();
    return pipe(
      doubts,
      TE.traverseSeqArray((doubt) =>
        pipe(
          settleOne(gateway, journal, held)(doubt),
          TE.map(() => now - doubt.since <= DOUBT_WINDOW_MS),
          TE.orElse((error) => {
            journal.warn(
              `Could not look for a late copy of ${doubt.kind} "${doubt.name}" (${describeError(error)}); the next provision or unprovision of this component looks again`,
              doubt.kind,
            );
            return TE.right<ProvisioningError, boolean>(true);
          }),
        ),
      ),
      TE.map((keep) =>
        noteDoubts(
          journal,
          doubts.filter((_, i) => keep[i] === true),
        ),
      ),
    );
  };
