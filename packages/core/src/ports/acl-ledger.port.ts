/**
 * The grants updateacl relies on, per component: a permission this provisioner made (`made`), or one it
 * made for another component and this one needs too. A permission is revoked only when no component's
 * entry needs it any more and one of them made it; a permission made by hand is never entered.
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { Principal, WorkspaceRole } from '../domain/access.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { portToken } from './port-token.js';

export interface AclGrant {
  readonly componentId: string;
  readonly principal: Principal;
  /** How the request named it (`user:john.doe_example.com`), for the logs. */
  readonly ref: string;
  readonly workspaceId: string;
  readonly role: WorkspaceRole;
  readonly permissionId: string;
  readonly made: boolean;
}

export interface AclLedger {
  readonly grantsOf: (componentId: string) => TaskEither<ProvisioningError, ReadonlyArray<AclGrant>>;
  /** Every component's entries for one permission. */
  readonly grantsFor: (permissionId: string) => TaskEither<ProvisioningError, ReadonlyArray<AclGrant>>;
  /** Adds or replaces the entry of (componentId, permissionId). */
  readonly put: (grant: AclGrant) => TaskEither<ProvisioningError, void>;
  readonly remove: (componentId: string, permissionId: string) => TaskEither<ProvisioningError, void>;
}

export const AclLedgerToken = portToken<AclLedger>('AclLedger');
