/**
 * Rule 1: find each resource by the id recorded last time, else by its exact name in the workspace
 * (several matches: a conflict). A recorded id that no longer exists falls back to the name. The three
 * lookups run in parallel.
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { parallel } from './parallel.js';
import type { ActorKind, AirbyteActor, AirbyteConnection } from '../domain/airbyte-state.js';
import type { DesiredState } from '../domain/desired-state.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import type { AirbyteError } from '../errors/airbyte-error.js';
import { airbyteFailure, type ProvisioningError } from '../errors/provisioning-error.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import { pickByName } from '../planner/ownership.js';
import type { LocatedState } from '../planner/plan.types.js';

/** Maps a gateway error to a failure of the named step. */
export const step =
  (label: string) =>
  <A>(call: TE.TaskEither<AirbyteError, A>): TE.TaskEither<ProvisioningError, A> =>
    pipe(
      call,
      TE.mapLeft((e) => airbyteFailure(label, e)),
    );

const byIdThenName = <R extends { readonly id: string }>(
  kind: ActorKind | 'connection',
  name: string,
  storedId: string | undefined,
  findById: (id: string) => TE.TaskEither<AirbyteError, O.Option<R>>,
  findByName: (name: string) => TE.TaskEither<AirbyteError, ReadonlyArray<R>>,
): TE.TaskEither<ProvisioningError, O.Option<R>> => {
  const lookUpName = pipe(
    step(`find ${kind} "${name}"`)(findByName(name)),
    TE.chainEitherK((matches) => pickByName(kind, name, matches)),
  );
  return storedId === undefined
    ? lookUpName
    : pipe(
        step(`find ${kind} ${storedId}`)(findById(storedId)),
        TE.chain((found) => (O.isSome(found) ? TE.right(found) : lookUpName)),
      );
};

export const locateActor =
  (gateway: AirbyteGateway) =>
  (
    kind: ActorKind,
    name: string,
    storedId: string | undefined,
  ): TE.TaskEither<ProvisioningError, O.Option<AirbyteActor>> =>
    byIdThenName(
      kind,
      name,
      storedId,
      (id) => gateway.findActorById(kind, id),
      (n) => gateway.findActorsByName(kind, n),
    );

export const locateConnection =
  (gateway: AirbyteGateway) =>
  (
    name: string,
    storedId: string | undefined,
  ): TE.TaskEither<ProvisioningError, O.Option<AirbyteConnection>> =>
    byIdThenName('connection', name, storedId, gateway.findConnectionById, gateway.findConnectionsByName);

export const locateAll =
  (gateway: AirbyteGateway) =>
  (
    desired: DesiredState,
    record: O.Option<DeploymentRecord>,
  ): TE.TaskEither<ProvisioningError, LocatedState> => {
    const stored = O.toUndefined(record);
    return parallel({
      source: locateActor(gateway)('source', desired.source.name, stored?.sourceId),
      destination: locateActor(gateway)('destination', desired.destination.name, stored?.destinationId),
      connection: locateConnection(gateway)(desired.connection.name, stored?.connectionId),
    });
  };
