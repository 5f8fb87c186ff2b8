/**
 * The whole deploy plan as a pure function of (desired, located state, fingerprints, catalog). The
 * executor plans twice: once before any write (actors, and whether to discover streams), and the
 * connection again once the actors' ids and the catalog are known.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { DiscoveredStream } from '../domain/airbyte-state.js';
import type { DesiredState } from '../domain/desired-state.js';
import type { Problem } from '../errors/problem.js';
import { planActor } from './plan-actor.js';
import { needsDiscovery, planConnection } from './plan-connection.js';
import type { ActorAction, ActorFingerprints, ConnectionAction, LocatedState } from './plan.types.js';

export interface DeployFingerprints {
  readonly source: ActorFingerprints;
  readonly destination: ActorFingerprints;
}

export interface DeployPlan {
  readonly source: ActorAction;
  readonly destination: ActorAction;
  /** Planned with the ids known so far; an actor still to be created has the `NOT_YET_CREATED` id. */
  readonly connection: ConnectionAction;
  /** The connection's streams depend on a discovery that has not happened yet. */
  readonly discover: boolean;
}

export const NOT_YET_CREATED = '(not yet created)';

export const idAfter = (action: ActorAction): string =>
  action._tag === 'Update' || action._tag === 'Noop' ? action.id : NOT_YET_CREATED;

export const planDeploy = (
  desired: DesiredState,
  located: LocatedState,
  fingerprints: DeployFingerprints,
  catalog: O.Option<ReadonlyArray<DiscoveredStream>> = O.none,
): E.Either<ReadonlyArray<Problem>, DeployPlan> => {
  const source = planActor('source', desired.source, located.source, fingerprints.source);
  const destination = planActor(
    'destination',
    desired.destination,
    located.destination,
    fingerprints.destination,
  );
  const discover =
    O.isNone(catalog) && needsDiscovery(desired.connection, located.connection, source, destination);
  return pipe(
    planConnection({
      desired: desired.connection,
      actual: located.connection,
      sourceId: idAfter(source),
      destinationId: idAfter(destination),
      catalog,
    }),
    E.map((connection) => ({ source, destination, connection, discover })),
  );
};
