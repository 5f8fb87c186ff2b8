/**
 * Users, permissions and groups of the sandbox's one organization, as the public API serves them in
 * editions with role-based access (UsersResponse, PermissionResponse / PermissionResponseRead with
 * `scope`/`scopeId`, GroupsResponse, GroupPermissionResponse; 204 on delete, 201 on a group grant).
 * Users are seeded (`sandbox --user EMAIL`); with `rbac: false` every one of these routes answers 404, as
 * an edition without them does.
 */
import { isReply } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import {
  badRequest,
  forbidden,
  noContent,
  ok,
  resourceNotFound,
  type SandboxReply,
} from './sandbox-reply.js';
import { isRecord } from './secrets.js';

export const PERMISSION_TYPES = [
  'organization_admin',
  'organization_editor',
  'organization_runner',
  'organization_reader',
  'organization_member',
  'workspace_admin',
  'workspace_editor',
  'workspace_runner',
  'workspace_reader',
];

export interface StoredPermission {
  readonly permissionId: string;
  permissionType: string;
  /** A user's permission, or a group's. */
  readonly userId?: string;
  readonly groupId?: string;
  readonly workspaceId?: string;
  readonly organizationId?: string;
}

export interface AccessState {
  rbac: boolean;
  readonly organizationId: string;
  readonly users: Map<string, { readonly id: string; readonly email: string; readonly name: string }>;
  readonly groups: Map<string, { readonly groupId: string; readonly name: string }>;
  readonly permissions: Map<string, StoredPermission>;
}

export const createAccessState = (organizationId: string, rbac: boolean): AccessState => ({
  rbac,
  organizationId,
  users: new Map(),
  groups: new Map(),
  permissions: new Map(),
});

type Handler = (context: RouteContext, access: AccessState) => SandboxReply;

/** Every access route: 404 without RBAC, and only the sandbox's organization is known. */
const guarded =
  (handler: Handler): RouteHandler =>
  (context) => {
    const access = context.state.access;
    if (!access.rbac) return resourceNotFound('route', context.path);
    return handler(context, access);
  };

const organizationOf = (
  context: RouteContext,
  access: AccessState,
  required: boolean,
): SandboxReply | undefined => {
  const organizationId = context.query.get('organizationId');
  if (organizationId === null) return required ? badRequest('organizationId is required') : undefined;
  return organizationId === access.organizationId
    ? undefined
    : forbidden(`No access to organization ${organizationId}`);
};

const listUsers: Handler = (context, access) => {
  const refused = organizationOf(context, access, true);
  if (refused !== undefined) return refused;
  // emails=a&emails=b or emails=a,b; compared as stored
  const emails = context.query.getAll('emails').flatMap((e) => e.split(','));
  const users = [...access.users.values()].filter((u) => emails.length === 0 || emails.includes(u.email));
  return ok({ data: users });
};

const readView = (p: StoredPermission) => ({
  permissionId: p.permissionId,
  permissionType: p.permissionType,
  userId: p.userId,
  scope: p.workspaceId !== undefined ? 'workspace' : p.organizationId !== undefined ? 'organization' : 'none',
  scopeId: p.workspaceId ?? p.organizationId,
});

const listPermissions: Handler = (context, access) => {
  const refused = organizationOf(context, access, false);
  if (refused !== undefined) return refused;
  const userId = context.query.get('userId');
  const data = [...access.permissions.values()]
    .filter((p) => p.userId !== undefined && (userId === null || p.userId === userId))
    .map(readView);
  return ok({ data });
};

/** A workspace or organization scope the caller can reach, from a request body. */
const scopeOf = (
  context: RouteContext,
  access: AccessState,
  body: Record<string, unknown>,
): { workspaceId?: string; organizationId?: string } | SandboxReply => {
  const { workspaceId, organizationId } = body;
  if (typeof workspaceId === 'string') {
    return context.access.has(workspaceId)
      ? { workspaceId }
      : forbidden(`No access to workspace ${workspaceId}`);
  }
  if (typeof organizationId === 'string') {
    return organizationId === access.organizationId
      ? { organizationId }
      : forbidden(`No access to organization ${organizationId}`);
  }
  return badRequest('workspaceId or organizationId is required');
};

const createPermission: Handler = (context, access) => {
  const body = context.body;
  if (!isRecord(body)) return badRequest('The request body must be a JSON object');
  const { permissionType, userId } = body;
  if (typeof permissionType !== 'string' || !PERMISSION_TYPES.includes(permissionType)) {
    return badRequest(`permissionType must be one of ${PERMISSION_TYPES.join(', ')}`);
  }
  if (typeof userId !== 'string' || !access.users.has(userId))
    return resourceNotFound('user', typeof userId === 'string' ? userId : JSON.stringify(userId));
  const scope = scopeOf(context, access, body);
  if (isReply(scope)) return scope;
  const permission: StoredPermission = {
    permissionId: context.state.newId(),
    permissionType,
    userId,
    ...scope,
  };
  access.permissions.set(permission.permissionId, permission);
  const { groupId: _none, ...view } = permission;
  return ok(view);
};

const deletePermission: Handler = (context, access) => {
  const id = context.params['permissionId'] ?? '';
  const found = access.permissions.get(id);
  if (found === undefined || found.userId === undefined) return resourceNotFound('permission', id);
  access.permissions.delete(id);
  return noContent;
};

const listGroups: Handler = (context, access) => {
  const refused = organizationOf(context, access, true);
  if (refused !== undefined) return refused;
  const data = [...access.groups.values()].map((g) => ({
    groupId: g.groupId,
    name: g.name,
    organizationId: access.organizationId,
    memberCount: 0,
  }));
  return ok({ data });
};

const groupView = (p: StoredPermission) => ({
  permissionId: p.permissionId,
  groupId: p.groupId,
  permissionType: p.permissionType,
  workspaceId: p.workspaceId ?? null,
  organizationId: p.organizationId ?? null,
});

const withGroup =
  (handler: (context: RouteContext, access: AccessState, groupId: string) => SandboxReply): Handler =>
  (context, access) => {
    const groupId = context.params['groupId'] ?? '';
    return access.groups.has(groupId)
      ? handler(context, access, groupId)
      : resourceNotFound('group', groupId);
  };

const listGroupPermissions = withGroup((_context, access, groupId) =>
  ok({ data: [...access.permissions.values()].filter((p) => p.groupId === groupId).map(groupView) }),
);

const createGroupPermission = withGroup((context, access, groupId) => {
  const body = context.body;
  if (!isRecord(body)) return badRequest('The request body must be a JSON object');
  const { permissionType } = body;
  if (typeof permissionType !== 'string' || !PERMISSION_TYPES.includes(permissionType)) {
    return badRequest(`permissionType must be one of ${PERMISSION_TYPES.join(', ')}`);
  }
  const scope = scopeOf(context, access, body);
  if (isReply(scope)) return scope;
  const permission: StoredPermission = {
    permissionId: context.state.newId(),
    permissionType,
    groupId,
    ...scope,
  };
  access.permissions.set(permission.permissionId, permission);
  return { status: 201, body: groupView(permission) };
});

const deleteGroupPermission = withGroup((context, access, groupId) => {
  const id = context.params['permissionId'] ?? '';
  const found = access.permissions.get(id);
  if (found === undefined || found.groupId !== groupId) return resourceNotFound('permission', id);
  access.permissions.delete(id);
  return noContent;
});

export const accessRoutes = {
  listUsers: guarded(listUsers),
  listPermissions: guarded(listPermissions),
  createPermission: guarded(createPermission),
  deletePermission: guarded(deletePermission),
  listGroups: guarded(listGroups),
  listGroupPermissions: guarded(listGroupPermissions),
  createGroupPermission: guarded(createGroupPermission),
  deleteGroupPermission: guarded(deleteGroupPermission),
} as const;
