/** Workspace name owners in process memory: one process, for its life. */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import {
  workspaceNameTaken,
  type WorkspaceOwner,
  type WorkspaceOwnerRegistry,
} from '../ports/workspace-owner-registry.port.js';

export class InMemoryWorkspaceOwnerRegistry implements WorkspaceOwnerRegistry {
  private readonly owners = new Map<string, WorkspaceOwner>();

  readonly ownerOf = (name: string): TE.TaskEither<ProvisioningError, O.Option<WorkspaceOwner>> =>
    TE.fromIO(() => O.fromNullable(this.owners.get(name)));

  readonly claim = (name: string, owner: WorkspaceOwner): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIOEither(() => {
      const current = this.owners.get(name);
      if (current !== undefined && current.dataProductId !== owner.dataProductId)
        return E.left(workspaceNameTaken(name, owner.dataProductId, current));
      this.owners.set(name, owner);
      return E.right(undefined);
    });

  readonly release = (name: string): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIO(() => {
      this.owners.delete(name);
    });
}
