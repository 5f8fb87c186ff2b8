/**
 * Find each resource by the ids recorded for it (ours, then the platform's, or the other way
 * round), else by its exact name in the workspace (several matches: a conflict). A recorded id that no
 * longer exists falls back to the next one, then to the name. The three
 * lookups run in parallel.
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { parallel } from './parallel.js';
import { recordedIds } from './previous-record.js';
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

const byIdsThenName = <R extends { readonly id: string }>(
  kind: ActorKind | 'connection',
  name: string,
  storedIds: ReadonlyArray<string>,
  findById: (id: string) => TE.TaskEither<AirbyteError, O.Option<R>>,
  findByName: (name: string) => TE.TaskEither<AirbyteError, ReadonlyArray<R>>,
): TE.TaskEither<ProvisioningError, O.Option<R>> =>
  storedIds.reduceRight(
    (otherwise: TE.TaskEither<ProvisioningError, O.Option<R>>, id) =>
      pipe(
        step(`find ${kind} ${id}`)(findById(id)),
        TE.chain((found) => (O.isSome(found) ? TE.right(found) : otherwise)),
      ),
    pipe(
      step(`find ${kind} "${name}"`)(findByName(name)),
      TE.chainEitherK((matches) => pickByName(kind, name, matches)),
    ),
  );

export const locateActor =
  (gateway: AirbyteGateway) =>
  (
    kind: ActorKind,
    name: string,
    storedIds: ReadonlyArray<string>,
  ): TE.TaskEither<ProvisioningError, O.Option<AirbyteActor>> =>
    byIdsThenName(
      kind,
      name,
      storedIds,
      (id) => gateway.findActorById(kind, id),
      (n) => gateway.findActorsByName(kind, n),
    );

export const locateConnection =
  (gateway: AirbyteGateway) =>
  (
    name: string,
    storedIds: ReadonlyArray<string>,
  ): TE.TaskEither<ProvisioningError, O.Option<AirbyteConnection>> =>
    byIdsThenName('connection', name, storedIds, gateway.findConnectionById, gateway.findConnectionsByName);

export const locateAll =
  (gateway: AirbyteGateway) =>
  (
    desired: DesiredState,
    records: ReadonlyArray<DeploymentRecord>,
  ): TE.TaskEither<ProvisioningError, LocatedState> =>
    parallel({
      source: locateActor(gateway)('source', desired.source.name, recordedIds(records, 'sourceId')),
      destination: locateActor(gateway)(
        'destination',
        desired.destination.name,
        recordedIds(records, 'destinationId'),
      ),
      connection: locateConnection(gateway)(desired.connection.name, recordedIds(records, 'connectionId')),
    });
