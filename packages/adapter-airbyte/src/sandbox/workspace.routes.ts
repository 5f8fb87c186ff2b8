/**
 * The workspace routes (airbyte-server publicapi WorkspacesController, WorkspacesResponseMapper): the list
 * holds the workspaces the caller reaches (a `workspaceIds` filter naming another is 403), live ones unless
 * `includeDeleted=true`; a workspace the caller cannot reach, or a deleted one, answers 404 by id, as if it
 * did not exist. `POST` creates one in the sandbox's organization (another organization is 403) and lets
 * its creator reach it; names are not unique. `DELETE` leaves a tombstone, as Airbyte does.
 */
import { isReply, listInWorkspaces } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import {
  badRequest,
  forbidden,
  noContent,
  ok,
  resourceNotFound,
  type SandboxReply,
} from './sandbox-reply.js';
import type { StoredWorkspace } from './sandbox-state.js';
import { isRecord } from './secrets.js';

const NOTIFICATION = { email: { enabled: true }, webhook: { enabled: false } };

const workspaceView = (workspace: StoredWorkspace) => ({
  workspaceId: workspace.workspaceId,
  name: workspace.name,
  dataResidency: 'auto',
  notifications: {
    failure: NOTIFICATION,
    success: { email: { enabled: false }, webhook: { enabled: false } },
    connectionUpdate: NOTIFICATION,
    connectionUpdateActionRequired: NOTIFICATION,
    syncDisabled: NOTIFICATION,
    syncDisabledWarning: NOTIFICATION,
  },
});

/** The live workspace of the path that the caller reaches, or the 404 Airbyte answers. */
const reachable = (context: RouteContext): StoredWorkspace | SandboxReply => {
  const id = context.params['workspaceId'] ?? '';
  const workspace = context.state.workspaces.get(id);
  if (workspace === undefined || workspace.deleted || !context.access.has(id))
    return resourceNotFound('workspace', id);
  return workspace;
};

/** A non-blank `name` of the body, or the 400 that says what is wrong. */
const nameOf = (body: unknown, required: boolean): string | undefined | SandboxReply => {
  if (!isRecord(body)) return badRequest('The request body must be a JSON object');
  const name = body['name'];
  if (name === undefined && !required) return undefined;
  if (typeof name !== 'string' || name.trim() === '') return badRequest('name: must be a non-empty string');
  return name;
};

const get: RouteHandler = (context) => {
  const workspace = reachable(context);
  return isReply(workspace) ? workspace : ok(workspaceView(workspace));
};

const list: RouteHandler = (context) =>
  listInWorkspaces(context, context.state.workspaces.values(), workspaceView);

const create: RouteHandler = (context) => {
  const name = nameOf(context.body, true);
  if (isReply(name)) return name;
  const body = context.body as Readonly<Record<string, unknown>>;
  const organization = context.state.access.organizationId;
  const asked = body['organizationId'];
  if (asked !== undefined && asked !== organization)
    return forbidden(`Not allowed to create a workspace in organization ${JSON.stringify(asked)}`);
  const workspace: StoredWorkspace = {
    workspaceId: context.state.newId(),
    name: name ?? '',
    organizationId: organization,
    deleted: false,
  };
  context.state.workspaces.set(workspace.workspaceId, workspace);
  context.grant?.(workspace.workspaceId);
  return ok(workspaceView(workspace));
};

const patch: RouteHandler = (context) => {
  const workspace = reachable(context);
  if (isReply(workspace)) return workspace;
  const name = nameOf(context.body, false);
  if (isReply(name)) return name;
  if (name !== undefined) workspace.name = name;
  return ok(workspaceView(workspace));
};

const remove: RouteHandler = (context) => {
  const workspace = reachable(context);
  if (isReply(workspace)) return workspace;
  workspace.deleted = true;
  return noContent;
};

export const workspaceRoutes = { get, list, create, patch, remove } as const;
