/**
 * Undeploy: the connection first, then the source and destination, except an actor that a connection of
 * another component still uses, which is kept. What is already gone is `Absent`: success.
 */
import * as O from 'fp-ts/lib/Option.js';
import type { ActorKind, AirbyteActor, AirbyteConnection } from '../domain/airbyte-state.js';
import type { DesiredState } from '../domain/desired-state.js';
import type { LocatedState, UnprovisionAction } from './plan.types.js';

/** Connections of other components using each located actor. */
export interface ForeignUsage {
  readonly source: ReadonlyArray<AirbyteConnection>;
  readonly destination: ReadonlyArray<AirbyteConnection>;
}

const actorAction = (
  kind: ActorKind,
  name: string,
  located: O.Option<AirbyteActor>,
  usedBy: ReadonlyArray<AirbyteConnection>,
): UnprovisionAction =>
  O.isNone(located)
    ? { _tag: 'Absent', kind, name }
    : usedBy.length > 0
      ? { _tag: 'Keep', kind, id: located.value.id, name: located.value.name, usedBy }
      : { _tag: 'Delete', kind, id: located.value.id, name: located.value.name };

export const planUnprovision = (
  desired: DesiredState,
  located: LocatedState,
  usage: ForeignUsage,
): ReadonlyArray<UnprovisionAction> => [
  O.isNone(located.connection)
    ? { _tag: 'Absent', kind: 'connection', name: desired.connection.name }
    : {
        _tag: 'Delete',
        kind: 'connection',
        id: located.connection.value.id,
        name: located.connection.value.name,
      },
  actorAction('source', desired.source.name, located.source, usage.source),
  actorAction('destination', desired.destination.name, located.destination, usage.destination),
];
