/** UsersResponse, PermissionResponse(Read), GroupsResponse and GroupPermissionResponse, as the core reads them. */
import * as t from 'io-ts';

export const UserResponse = t.type({ id: t.string, email: t.string });
export const UsersResponse = t.type({ data: t.array(UserResponse) });

export const GroupResponse = t.type({ groupId: t.string, name: t.string });

/** What `GET /permissions` lists: the scope says whether `scopeId` is a workspace or the organization. */
export const PermissionRead = t.intersection([
  t.type({ permissionId: t.string, permissionType: t.string }),
  t.partial({ scope: t.string, scopeId: t.string }),
]);
export const PermissionsResponse = t.type({ data: t.array(PermissionRead) });

/** What `POST /permissions` and the group routes answer. */
export const PermissionResponse = t.intersection([
  t.type({ permissionId: t.string, permissionType: t.string }),
  t.partial({ workspaceId: t.union([t.string, t.null]), organizationId: t.union([t.string, t.null]) }),
]);
export const GroupPermissionsResponse = t.type({ data: t.array(PermissionResponse) });
