/**
 * Access in Airbyte as updateacl sees it: users (found by email) and groups (by name) of an organization,
 * and the roles granted to them on a workspace or on the whole organization.
 */
export const workspaceRoles = [
  'workspace_reader',
  'workspace_runner',
  'workspace_editor',
  'workspace_admin',
] as const;
export type WorkspaceRole = (typeof workspaceRoles)[number];

export interface AirbyteUser {
  readonly id: string;
  readonly email: string;
}

export interface AirbyteGroup {
  readonly id: string;
  readonly name: string;
}

/** A role granted to a user or a group, on a workspace or on an organization. */
export interface AirbytePermission {
  readonly id: string;
  readonly permissionType: string;
  readonly workspaceId?: string;
  readonly organizationId?: string;
}

/** Who a grant is for: the Airbyte id of a user or of a group. */
export type Principal =
  { readonly kind: 'user'; readonly id: string } | { readonly kind: 'group'; readonly id: string };
