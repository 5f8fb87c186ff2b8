/**
 * The part of Airbyte that holds access (users, groups, permissions), apart from the pipelines: only
 * editions with role-based access have it; elsewhere these calls answer 403 or 404.
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type {
  AirbyteGroup,
  AirbytePermission,
  AirbyteUser,
  Principal,
  WorkspaceRole,
} from '../domain/access.js';
import type { AirbyteError } from '../errors/airbyte-error.js';

export interface AccessGateway {
  /** The organization's users with these emails (Airbyte matches them as it stores them). */
  readonly findUsersByEmail: (
    organizationId: string,
    emails: ReadonlyArray<string>,
  ) => TaskEither<AirbyteError, ReadonlyArray<AirbyteUser>>;
  /** Every group of the organization, all pages. */
  readonly listGroups: (organizationId: string) => TaskEither<AirbyteError, ReadonlyArray<AirbyteGroup>>;
  /** The permissions a user or group holds in the organization and its workspaces. */
  readonly permissionsOf: (
    principal: Principal,
    organizationId: string,
  ) => TaskEither<AirbyteError, ReadonlyArray<AirbytePermission>>;
  readonly grant: (
    principal: Principal,
    workspaceId: string,
    role: WorkspaceRole,
  ) => TaskEither<AirbyteError, AirbytePermission>;
  /** Revoking a permission already gone is success. */
  readonly revoke: (principal: Principal, permissionId: string) => TaskEither<AirbyteError, void>;
}
