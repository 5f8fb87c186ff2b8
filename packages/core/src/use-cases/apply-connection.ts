/**
 * Runs the connection's action once the actors exist (and streams were discovered when needed). A
 * replaced connection is created anew first and the old one marked for deletion, so nothing is lost.
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { AirbyteConnection, AirbyteStream } from '../domain/airbyte-state.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import type { ConnectionAction } from '../planner/plan.types.js';
import { addPendingDeletion } from './apply-actors.js';
import { step } from './locate.js';
import type { OperationJournal } from './operation-journal.js';
import { noteIfDoubtful } from './settle-doubtful-creates.js';

export interface AppliedConnection {
  readonly id: string;
  readonly streams: ReadonlyArray<AirbyteStream>;
}

const streamList = (streams: ReadonlyArray<AirbyteStream>): string =>
  streams.length === 0 ? 'no stream' : `streams ${streams.map((s) => s.name).join(', ')}`;

export const applyConnection =
  (gateway: AirbyteGateway, journal: OperationJournal) =>
  (
    action: ConnectionAction,
    current: O.Option<AirbyteConnection>,
  ): TE.TaskEither<ProvisioningError, AppliedConnection> => {
    const created = (c: AirbyteConnection): AppliedConnection => {
      journal.note({ connectionId: c.id });
      noteIfDoubtful(journal, c);
      return { id: c.id, streams: c.streams };
    };
    switch (action._tag) {
      case 'Noop':
        return TE.fromIO(() => {
          journal.info(`Connection "${action.name}" (${action.id}) unchanged`, 'connection');
          return {
            id: action.id,
            streams: pipe(
              current,
              O.map((c) => c.streams),
              O.getOrElse((): ReadonlyArray<AirbyteStream> => []),
            ),
          };
        });
      case 'Create':
        return pipe(
          step(`create connection "${action.spec.name}"`)(gateway.createConnection(action.spec)),
          TE.map((c) => {
            journal.info(
              `Created connection "${c.name}" (${c.id}) with ${streamList(c.streams)}`,
              'connection',
            );
            return created(c);
          }),
        );
      case 'Update':
        return pipe(
          step(`update connection "${action.spec.name}"`)(gateway.updateConnection(action.id, action.spec)),
          TE.map((c) => {
            journal.info(
              `Updated connection "${c.name}" (${c.id}) in place; changed: ${action.changedFields.join(', ')}`,
              'connection',
            );
            return created(c);
          }),
        );
      case 'Replace':
        return pipe(
          TE.fromIO(() => addPendingDeletion(journal, 'connection', action.oldId)),
          TE.chain(() =>
            step(`create connection "${action.spec.name}" to replace ${action.oldId}`)(
              gateway.createConnection(action.spec),
            ),
          ),
          TE.map((c) => {
            journal.info(
              `Replaced connection ${action.oldId} with a new connection "${c.name}" (${c.id}) because ${action.reason}`,
              'connection',
            );
            return created(c);
          }),
        );
    }
  };
