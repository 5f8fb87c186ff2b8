/**
 * `limit`/`offset` paging with `next`/`previous` links (airbyte-server publicapi PaginationMapper), and the
 * query parameters lists share.
 */
import { forbidden, micronautError, ok, type SandboxReply } from './sandbox-reply.js';
import type { RouteContext } from './route-context.js';

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

const integer = (raw: string | null, fallback: number): number | undefined => {
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
};

export const readPage = (query: URLSearchParams): PageRequest | SandboxReply => {
  const limit = integer(query.get('limit'), 20);
  const offset = integer(query.get('offset'), 0);
  if (limit === undefined || limit < 1 || limit > 100) {
    return micronautError(400, 'limit: must be an integer between 1 and 100');
  }
  if (offset === undefined) return micronautError(400, 'offset: must be an integer of at least 0');
  return { limit, offset };
};

export const readBoolean = (query: URLSearchParams, name: string): boolean | SandboxReply => {
  const raw = query.get(name);
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  return micronautError(400, `${name}: must be true or false`);
};

/** `workspaceIds` as repeated parameters or comma separated; empty means every workspace the caller reaches. */
const askedWorkspaces = (context: RouteContext): string[] =>
  context.query
    .getAll('workspaceIds')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);

export const readWorkspaceFilter = (context: RouteContext): ReadonlySet<string> | SandboxReply => {
  const asked = askedWorkspaces(context);
  if (asked.length === 0) return context.access;
  const denied = asked.filter((id) => !context.access.has(id));
  if (denied.length > 0) return forbidden(`Not allowed to read workspace(s) ${denied.join(', ')}`);
  return new Set(asked);
};

export const isReply = (value: unknown): value is SandboxReply =>
  typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

/**
 * One page and its links as PaginationMapper writes them: `next` on every non-empty page (the server does
 * not count what follows, so a full last page still links to an empty one) and `""` on an empty page;
 * `previous` `""` at offset 0. Links are built from the list's own parameters (`linkParams`: e.g.
 * includeDeleted and workspaceIds for sources), never by echoing the request's query.
 */
export const pageOf = <A>(
  context: RouteContext,
  items: ReadonlyArray<A>,
  page: PageRequest,
  linkParams: ReadonlyArray<readonly [string, string]>,
): { data: ReadonlyArray<A>; next: string; previous: string } => {
  const data = items.slice(page.offset, page.offset + page.limit);
  const link = (offset: number): string => {
    const query = new URLSearchParams([...linkParams.map(([k, v]): [string, string] => [k, v])]);
    query.set('limit', String(page.limit));
    query.set('offset', String(offset));
    return `${context.baseUrl}${context.path}?${query.toString()}`;
  };
  return {
    next: data.length > 0 ? link(page.offset + page.limit) : '',
    previous: page.offset > 0 ? link(Math.max(0, page.offset - page.limit)) : '',
    data,
  };
};

/** The link parameters of the source, destination, connection and workspace lists. */
export const listLinkParams = (
  context: RouteContext,
  includeDeleted: boolean,
): ReadonlyArray<readonly [string, string]> => {
  const asked = askedWorkspaces(context);
  return [
    ['includeDeleted', String(includeDeleted)],
    ...(asked.length === 0 ? [] : [['workspaceIds', asked.join(',')] as const]),
  ];
};

/**
 * A list of the source, destination, connection or workspace kind: one page of `items` in the workspaces
 * the caller reaches (or the `workspaceIds` asked), live ones unless `includeDeleted=true`, each shown as
 * `view` shows it.
 */
export const listInWorkspaces = <A extends { readonly workspaceId: string; readonly deleted: boolean }>(
  context: RouteContext,
  items: Iterable<A>,
  view: (item: A) => unknown,
): SandboxReply => {
  const page = readPage(context.query);
  if (isReply(page)) return page;
  const includeDeleted = readBoolean(context.query, 'includeDeleted');
  if (isReply(includeDeleted)) return includeDeleted;
  const workspaces = readWorkspaceFilter(context);
  if (isReply(workspaces)) return workspaces;
  const matching = [...items].filter(
    (item) => workspaces.has(item.workspaceId) && (includeDeleted || !item.deleted),
  );
  const { data, ...links } = pageOf(context, matching, page, listLinkParams(context, includeDeleted));
  return ok({ ...links, data: data.map(view) });
};
