/** Resource ownership in process memory: one process, for its life (what another component owns is never touched, within it). */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import {
  ownedElsewhere,
  type OwnedResource,
  type OwnershipRegistry,
  type ResourceOwner,
} from '../ports/ownership-registry.port.js';

export class InMemoryOwnershipRegistry implements OwnershipRegistry {
  private readonly owners = new Map<string, ResourceOwner>();

  readonly ownersOf = (
    ids: ReadonlyArray<string>,
  ): TE.TaskEither<ProvisioningError, ReadonlyArray<ResourceOwner>> =>
    TE.fromIO(() => ids.flatMap((id) => this.owners.get(id) ?? []));

  readonly claim = (
    componentId: string,
    resources: ReadonlyArray<OwnedResource>,
  ): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIOEither(() => {
      const foreign = resources
        .map((r) => this.owners.get(r.id))
        .find((owner) => owner !== undefined && owner.componentId !== componentId);
      if (foreign !== undefined) return E.left(ownedElsewhere(componentId, foreign));
      resources.forEach((resource) => this.owners.set(resource.id, { componentId, resource }));
      return E.right(undefined);
    });

  readonly release = (
    componentId: string,
    ids: ReadonlyArray<string>,
  ): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIO(() => {
      ids.forEach((id) => {
        if (this.owners.get(id)?.componentId === componentId) this.owners.delete(id);
      });
    });
}
