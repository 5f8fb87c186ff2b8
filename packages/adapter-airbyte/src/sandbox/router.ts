/** The route table: method and path pattern to handler. A known path with another method answers 405. */
import { destinationRoutes, sourceRoutes } from './actor.routes.js';
import { connectionRoutes } from './connection.routes.js';
import { accessRoutes } from './access.routes.js';
import { jobRoutes } from './job.routes.js';
import type { RouteHandler } from './route-context.js';
import { streamRoutes } from './stream.routes.js';
import { workspaceRoutes } from './workspace.routes.js';

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly params: ReadonlyArray<string>;
  readonly handler: RouteHandler;
}

const route = (method: string, template: string, handler: RouteHandler): Route => {
  const params: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), params, handler };
};

const ROUTES: ReadonlyArray<Route> = [
  route('GET', '/workspaces', workspaceRoutes.list),
  route('POST', '/workspaces', workspaceRoutes.create),
  route('GET', '/workspaces/{workspaceId}', workspaceRoutes.get),
  route('PATCH', '/workspaces/{workspaceId}', workspaceRoutes.patch),
  route('DELETE', '/workspaces/{workspaceId}', workspaceRoutes.remove),
  route('GET', '/sources', sourceRoutes.list),
  route('POST', '/sources', sourceRoutes.create),
  route('GET', '/sources/{sourceId}', sourceRoutes.get),
  route('PUT', '/sources/{sourceId}', sourceRoutes.put),
  route('PATCH', '/sources/{sourceId}', sourceRoutes.patch),
  route('DELETE', '/sources/{sourceId}', sourceRoutes.remove),
  route('GET', '/destinations', destinationRoutes.list),
  route('POST', '/destinations', destinationRoutes.create),
  route('GET', '/destinations/{destinationId}', destinationRoutes.get),
  route('PUT', '/destinations/{destinationId}', destinationRoutes.put),
  route('PATCH', '/destinations/{destinationId}', destinationRoutes.patch),
  route('DELETE', '/destinations/{destinationId}', destinationRoutes.remove),
  route('GET', '/connections', connectionRoutes.list),
  route('POST', '/connections', connectionRoutes.create),
  route('GET', '/connections/{connectionId}', connectionRoutes.get),
  route('PATCH', '/connections/{connectionId}', connectionRoutes.patch),
  route('DELETE', '/connections/{connectionId}', connectionRoutes.remove),
  route('GET', '/streams', streamRoutes.discover),
  route('GET', '/jobs', jobRoutes.list),
  route('POST', '/jobs', jobRoutes.create),
  route('GET', '/jobs/{jobId}', jobRoutes.get),
  route('DELETE', '/jobs/{jobId}', jobRoutes.cancel),
  route('GET', '/users', accessRoutes.listUsers),
  route('GET', '/permissions', accessRoutes.listPermissions),
  route('POST', '/permissions', accessRoutes.createPermission),
  route('DELETE', '/permissions/{permissionId}', accessRoutes.deletePermission),
  route('GET', '/groups', accessRoutes.listGroups),
  route('GET', '/groups/{groupId}/permissions', accessRoutes.listGroupPermissions),
  route('POST', '/groups/{groupId}/permissions', accessRoutes.createGroupPermission),
  route('DELETE', '/groups/{groupId}/permissions/{permissionId}', accessRoutes.deleteGroupPermission),
];

export type RouteMatch =
  | {
      readonly _tag: 'Found';
      readonly handler: RouteHandler;
      readonly params: Readonly<Record<string, string>>;
    }
  | { readonly _tag: 'MethodNotAllowed' }
  | { readonly _tag: 'NotFound' };

export const matchRoute = (method: string, path: string): RouteMatch => {
  let pathKnown = false;
  for (const candidate of ROUTES) {
    const found = candidate.pattern.exec(path);
    if (found === null) continue;
    pathKnown = true;
    if (candidate.method !== method) continue;
    const params = Object.fromEntries(
      candidate.params.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
    );
    return { _tag: 'Found', handler: candidate.handler, params };
  }
  return pathKnown ? { _tag: 'MethodNotAllowed' } : { _tag: 'NotFound' };
};
