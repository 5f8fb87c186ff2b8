/**
 * Rules 1 and 4, the pure halves: a name that matches several resources is a conflict (never "take the
 * first"), and an actor that a connection of another component uses is never rewritten nor deleted.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { ActorKind, AirbyteConnection, ResourceKind } from '../domain/airbyte-state.js';
import { stateConflict, type ProvisioningError } from '../errors/provisioning-error.js';

export const pickByName = <R extends { readonly id: string }>(
  kind: ResourceKind,
  name: string,
  matches: ReadonlyArray<R>,
): E.Either<ProvisioningError, O.Option<R>> =>
  matches.length <= 1
    ? E.right(O.fromNullable(matches[0]))
    : E.left(
        stateConflict(
          `find ${kind} "${name}"`,
          `${matches.length} ${kind}s are named "${name}" in the workspace (ids: ${matches
            .map((m) => m.id)
            .join(', ')}); rename or delete all but one, or send the previous deployment's info`,
          matches.map((m) => m.id),
        ),
      );

/** Our connection is the one we located; if none was, the one with our connection's name. */
export interface OurConnection {
  readonly located: O.Option<AirbyteConnection>;
  readonly name: string;
}

export const foreignConnections = (
  using: ReadonlyArray<AirbyteConnection>,
  ours: OurConnection,
): ReadonlyArray<AirbyteConnection> =>
  using.filter((c) => (O.isSome(ours.located) ? c.id !== ours.located.value.id : c.name !== ours.name));

export const describeConnections = (connections: ReadonlyArray<AirbyteConnection>): string =>
  connections.map((c) => `"${c.name}" (${c.id})`).join(', ');

/** The conflict to return when `verb`-ing an actor that other components' connections use. */
export const usageConflict = (
  verb: 'update' | 'replace' | 'delete',
  kind: ActorKind,
  actor: { readonly id: string; readonly name: string },
  foreign: ReadonlyArray<AirbyteConnection>,
): O.Option<ProvisioningError> =>
  foreign.length === 0
    ? O.none
    : O.some(
        stateConflict(
          `${verb} ${kind} "${actor.name}"`,
          `cannot ${verb} ${kind} "${actor.name}" (${actor.id}): it is used by connection(s) ${describeConnections(
            foreign,
          )} of another component; give this component's ${kind} its own name`,
          [actor.id, ...foreign.map((c) => c.id)],
        ),
      );
