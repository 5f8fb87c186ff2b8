/** The ACL ledger in one process's memory: for tests, embedding, and a single replica without a database. */
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { AclGrant, AclLedger } from '../ports/acl-ledger.port.js';

export class InMemoryAclLedger implements AclLedger {
  // componentId → permissionId → entry
  private readonly byComponent = new Map<string, Map<string, AclGrant>>();

  readonly grantsOf = (componentId: string): TE.TaskEither<ProvisioningError, ReadonlyArray<AclGrant>> =>
    TE.right([...(this.byComponent.get(componentId)?.values() ?? [])]);

  readonly grantsFor = (permissionId: string): TE.TaskEither<ProvisioningError, ReadonlyArray<AclGrant>> =>
    TE.right([...this.byComponent.values()].flatMap((grants) => grants.get(permissionId) ?? []));

  readonly put = (grant: AclGrant): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIO(() => {
      const grants = this.byComponent.get(grant.componentId) ?? new Map<string, AclGrant>();
      grants.set(grant.permissionId, grant);
      this.byComponent.set(grant.componentId, grants);
    });

  readonly remove = (componentId: string, permissionId: string): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIO(() => {
      const grants = this.byComponent.get(componentId);
      grants?.delete(permissionId);
      if (grants?.size === 0) this.byComponent.delete(componentId);
    });
}
