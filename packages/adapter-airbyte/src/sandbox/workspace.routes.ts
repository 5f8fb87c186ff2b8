/** `GET /workspaces/{id}`: a workspace the caller cannot reach answers 404, as if it did not exist. */
import type { RouteHandler } from './route-context.js';
import { ok, problem } from './sandbox-reply.js';

const NOTIFICATION = { email: { enabled: true }, webhook: { enabled: false } };

const get: RouteHandler = (context) => {
  const id = context.params['workspaceId'] ?? '';
  const workspace = context.state.workspaces.get(id);
  if (workspace === undefined || !context.access.has(id)) return problem(404, `Workspace ${id} not found`);
  return ok({
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
};

export const workspaceRoutes = { get } as const;
