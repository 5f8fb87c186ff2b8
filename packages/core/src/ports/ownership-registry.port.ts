/**
 * Which component owns which Airbyte resource. A resource is claimed by the component whose
 * deploy created or adopted it; a resource another component owns is never adopted, updated or deleted,
 * whatever its name. Kept by the provisioner (in memory for the life of the process, or durably).
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { ResourceKind } from '../domain/airbyte-state.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { portToken } from './port-token.js';

export interface OwnedResource {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly name: string;
}

export interface ResourceOwner {
  readonly componentId: string;
  readonly resource: OwnedResource;
}

export interface OwnershipRegistry {
  /** The owner of each of these resource ids that has one. */
  readonly ownersOf: (
    ids: ReadonlyArray<string>,
  ) => TaskEither<ProvisioningError, ReadonlyArray<ResourceOwner>>;
  /**
   * Records `componentId` as the owner of `resources`, all or none. A resource another component owns
   * already is a `StateConflict` naming that component; claiming one's own again succeeds.
   */
  readonly claim: (
    componentId: string,
    resources: ReadonlyArray<OwnedResource>,
  ) => TaskEither<ProvisioningError, void>;
  /** Forgets what `componentId` owns among `ids`; another component's ownership is left as it is. */
  readonly release: (componentId: string, ids: ReadonlyArray<string>) => TaskEither<ProvisioningError, void>;
}

export const OwnershipRegistryToken = portToken<OwnershipRegistry>('OwnershipRegistry');

/** The conflict of a resource owned by another component. */
export const ownedElsewhere = (componentId: string, owner: ResourceOwner): ProvisioningError => ({
  _tag: 'StateConflict',
  step: `claim ${owner.resource.kind} "${owner.resource.name}"`,
  message: `${owner.resource.kind} "${owner.resource.name}" (${owner.resource.id}) belongs to component ${owner.componentId}, not to ${componentId}; give this component's ${owner.resource.kind} its own name`,
  ids: [owner.resource.id],
});
