/**
 * Ownership in the use cases: a located resource that another component owns stops a deploy (naming the
 * owner and the clashing name) and is left alone by an unprovision; what a deploy created or adopted is
 * claimed for its component.
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { DesiredState } from '../domain/desired-state.js';
import type { DeploymentRecord, OperationFailure } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { ownedElsewhere, type OwnedResource, type ResourceOwner } from '../ports/ownership-registry.port.js';
import type { LocatedState } from '../planner/plan.types.js';
import type { CoreDeps } from './core-deps.js';

type Deps = Pick<CoreDeps, 'ownership'>;

const locatedResources = (located: LocatedState): ReadonlyArray<OwnedResource> => {
  const entry = (
    kind: OwnedResource['kind'],
    found: O.Option<{ readonly id: string; readonly name: string }>,
  ) => (O.isSome(found) ? [{ kind, id: found.value.id, name: found.value.name }] : []);
  return [
    ...entry('source', located.source),
    ...entry('destination', located.destination),
    ...entry('connection', located.connection),
  ];
};

const idsOf = (located: LocatedState): ReadonlyArray<string> => locatedResources(located).map((r) => r.id);

/** The owners of `ids`, other than component `except` when it is given. */
const foreignOwners = (
  deps: Deps,
  ids: ReadonlyArray<string>,
  except?: string,
): TE.TaskEither<ProvisioningError, ReadonlyArray<ResourceOwner>> =>
  pipe(
    deps.ownership.ownersOf(ids),
    TE.map((owners) => owners.filter((o) => o.componentId !== except)),
  );

/** Fails with `conflict` of the first of `ids` that a component owns, other than component `except`. */
export const refuseOwned = (
  deps: Deps,
  ids: ReadonlyArray<string>,
  conflict: (owner: ResourceOwner) => ProvisioningError,
  except?: string,
): TE.TaskEither<ProvisioningError, void> =>
  pipe(
    foreignOwners(deps, ids, except),
    TE.chain(([owner]) => (owner === undefined ? TE.right(undefined) : TE.left(conflict(owner)))),
  );

/** Fails when another component owns any located resource. */
export const refuseForeign =
  (deps: Deps, componentId: string) =>
  (located: LocatedState): TE.TaskEither<ProvisioningError, void> =>
    refuseOwned(deps, idsOf(located), (owner) => ownedElsewhere(componentId, owner), componentId);

/** The located state without what another component owns, and those owners (to say why in the logs). */
export const withoutForeign =
  (deps: Deps, componentId: string) =>
  (
    located: LocatedState,
  ): TE.TaskEither<
    ProvisioningError,
    { readonly located: LocatedState; readonly foreign: ReadonlyArray<ResourceOwner> }
  > =>
    pipe(
      foreignOwners(deps, idsOf(located), componentId),
      TE.map((foreign) => {
        const mine = <R extends { readonly id: string }>(found: O.Option<R>): O.Option<R> =>
          pipe(
            found,
            O.filter((r) => !foreign.some((o) => o.resource.id === r.id)),
          );
        return {
          located: {
            source: mine(located.source),
            destination: mine(located.destination),
            connection: mine(located.connection),
          },
          foreign,
        };
      }),
    );

/** Claims the resources a record names for the component. */
export const claimRecorded = (
  deps: Deps,
  componentId: string,
  desired: DesiredState,
  record: DeploymentRecord,
): TE.TaskEither<ProvisioningError, void> =>
  deps.ownership.claim(componentId, [
    ...(record.sourceId === undefined
      ? []
      : [{ kind: 'source' as const, id: record.sourceId, name: desired.source.name }]),
    ...(record.destinationId === undefined
      ? []
      : [{ kind: 'destination' as const, id: record.destinationId, name: desired.destination.name }]),
    ...(record.connectionId === undefined
      ? []
      : [{ kind: 'connection' as const, id: record.connectionId, name: desired.connection.name }]),
  ]);

/** A per-component lock that could not be taken, as an operation's failure: nothing ran. */
export const lockUnavailable = (error: ProvisioningError): OperationFailure => ({ error, logs: [] });
