/**
 * Which data product each per-data-product workspace name belongs to, kept by the provisioner: two data
 * products whose names a template renders alike must never share a workspace (the second is refused,
 * naming both).
 */
import type { Option } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { portToken } from './port-token.js';

export interface WorkspaceOwner {
  readonly dataProductId: string;
  readonly workspaceId: string;
}

export interface WorkspaceOwnerRegistry {
  readonly ownerOf: (workspaceName: string) => TaskEither<ProvisioningError, Option<WorkspaceOwner>>;
  /** Records the owner of a name; the name owned by another data product already is a `StateConflict` naming both. */
  readonly claim: (workspaceName: string, owner: WorkspaceOwner) => TaskEither<ProvisioningError, void>;
  /** Forgets the name (its workspace was deleted); an unknown name succeeds. */
  readonly release: (workspaceName: string) => TaskEither<ProvisioningError, void>;
}

export const WorkspaceOwnerRegistryToken = portToken<WorkspaceOwnerRegistry>('WorkspaceOwnerRegistry');

/** The conflict of a workspace name another data product owns. */
export const workspaceNameTaken = (
  workspaceName: string,
  dataProductId: string,
  owner: WorkspaceOwner,
): ProvisioningError => ({
  _tag: 'StateConflict',
  step: `claim workspace "${workspaceName}"`,
  message: `data products ${owner.dataProductId} and ${dataProductId} both resolve to Airbyte workspace "${workspaceName}" (${owner.workspaceId}), which belongs to ${owner.dataProductId}; change AIRBYTE_WORKSPACE_NAME_TEMPLATE or the data product's name so that each data product gets its own`,
  ids: [owner.workspaceId],
});
