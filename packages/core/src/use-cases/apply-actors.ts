/**
 * Runs the source and destination actions (in parallel, by the caller) and records each success in the
 * journal at once, so that a failure of the other still leaves a record of what exists.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ActorKind } from '../domain/airbyte-state.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import type { ActorAction } from '../planner/plan.types.js';
import { step } from './locate.js';
import type { OperationJournal } from './operation-journal.js';
import { noteIfDoubtful } from './settle-doubtful-creates.js';

const capitalized = (kind: ActorKind): string => (kind === 'source' ? 'Source' : 'Destination');

const noteActor = (
  journal: OperationJournal,
  kind: ActorKind,
  id: string,
  fingerprint: string | undefined,
): void =>
  kind === 'source'
    ? journal.note({ sourceId: id, sourceFingerprint: fingerprint })
    : journal.note({ destinationId: id, destinationFingerprint: fingerprint });

export const addPendingDeletion = (
  journal: OperationJournal,
  kind: 'source' | 'destination' | 'connection',
  id: string,
): void =>
  journal.note({
    pendingDeletions: [...(journal.record.pendingDeletions ?? []).filter((p) => p.id !== id), { kind, id }],
  });

/** Runs one actor action; answers the id the actor has afterwards. */
export const applyActor =
  (gateway: AirbyteGateway, journal: OperationJournal) =>
  (action: ActorAction, fingerprint: string | undefined): TE.TaskEither<ProvisioningError, string> => {
    const kind = action.kind;
    switch (action._tag) {
      case 'Noop':
        return TE.fromIO(() => {
          journal.info(`${capitalized(kind)} "${action.name}" (${action.id}) unchanged`, kind);
          return action.id;
        });
      case 'Create':
        return pipe(
          step(`create ${kind} "${action.spec.name}"`)(gateway.createActor(kind, action.spec)),
          TE.map((actor) => {
            noteActor(journal, kind, actor.id, fingerprint);
            journal.info(`Created ${kind} "${actor.name}" (${actor.id})`, kind);
            noteIfDoubtful(journal, actor);
            return actor.id;
          }),
        );
      case 'Update':
        return pipe(
          // until the update is confirmed, what Airbyte holds for the secrets is unknown
          TE.fromIO(() => noteActor(journal, kind, action.id, undefined)),
          TE.chain(() =>
            step(`update ${kind} "${action.spec.name}"`)(gateway.updateActor(kind, action.id, action.spec)),
          ),
          TE.map((actor) => {
            noteActor(journal, kind, actor.id, fingerprint);
            journal.info(
              `Updated ${kind} "${actor.name}" (${actor.id}) in place; changed: ${action.changedFields.join(', ')}` +
                (action.secretsUnknown
                  ? ' (secrets re-sent: no fingerprint of the previous ones was recorded)'
                  : ''),
              kind,
            );
            return actor.id;
          }),
        );
      case 'Replace':
        return pipe(
          step(`create ${kind} "${action.spec.name}" to replace ${action.oldId}`)(
            gateway.createActor(kind, action.spec),
          ),
          TE.map((actor) => {
            noteActor(journal, kind, actor.id, fingerprint);
            noteIfDoubtful(journal, actor);
            addPendingDeletion(journal, kind, action.oldId);
            journal.info(
              `Replaced ${kind} ${action.oldId} with a new ${kind} "${actor.name}" (${actor.id}) because ${action.reason}`,
              kind,
            );
            return actor.id;
          }),
        );
    }
  };
