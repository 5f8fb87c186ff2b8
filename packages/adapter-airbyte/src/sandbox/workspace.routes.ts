/**
 * `GET /workspaces` and `GET /workspaces/{id}` (airbyte-server publicapi WorkspacesController,
 * WorkspacesResponseMapper): the list holds the workspaces the caller reaches (a `workspaceIds` filter
 * naming another is 403); a workspace the caller cannot reach answers 404 by id, as if it did not exist.
 */
import { isReply, listLinkParams, pageOf, readBoolean, readPage, readWorkspaceFilter } from './pagination.js';
import type { RouteHandler } from './route-context.js';
import { ok, resourceNotFound } from './sandbox-reply.js';

const NOTIFICATION = { email: { enabled: true }, webhook: { enabled: false } };

const workspaceView = (workspace: { readonly workspaceId: string; readonly name: string }) => ({
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

const get: RouteHandler = (context) => {
  const id = context.params['workspaceId'] ?? '';
  const workspace = context.state.workspaces.get(id);
  if (workspace === undefined || !context.access.has(id)) return resourceNotFound('workspace', id);
  return ok(workspaceView(workspace));
};

const list: RouteHandler = (context) => {
  const page = readPage(context.query);
  if (isReply(page)) return page;
  const includeDeleted = readBoolean(context.query, 'includeDeleted');
  if (isReply(includeDeleted)) return includeDeleted;
  const reachable = readWorkspaceFilter(context);
  if (isReply(reachable)) return reachable;
  const matching = [...context.state.workspaces.values()].filter((w) => reachable.has(w.workspaceId));
  const { data, ...links } = pageOf(context, matching, page, listLinkParams(context, includeDeleted));
  return ok({ ...links, data: data.map(workspaceView) });
};

export const workspaceRoutes = { get, list } as const;
