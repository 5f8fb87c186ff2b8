/**
 * `limit`/`offset` paging with `next`/`previous` links, and the query parameters lists share. Airbyte puts
 * a `next` link on every full page (it does not count what follows), so a client that follows links makes
 * one more call on an exact multiple; `previous` appears from the second page on.
 */
import { problem, type SandboxReply } from './sandbox-reply.js';
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
    return problem(400, 'limit must be an integer between 1 and 100');
  }
  if (offset === undefined) return problem(400, 'offset must be an integer of at least 0');
  return { limit, offset };
};

export const readBoolean = (query: URLSearchParams, name: string): boolean | SandboxReply => {
  const raw = query.get(name);
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  return problem(400, `${name} must be true or false`);
};

/** `workspaceIds` as repeated parameters or comma separated; empty means every workspace the caller reaches. */
export const readWorkspaceFilter = (context: RouteContext): ReadonlySet<string> | SandboxReply => {
  const asked = context.query
    .getAll('workspaceIds')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (asked.length === 0) return context.access;
  const denied = asked.filter((id) => !context.access.has(id));
  if (denied.length > 0) return problem(403, `Not allowed to read workspace(s) ${denied.join(', ')}`);
  return new Set(asked);
};

export const isReply = (value: unknown): value is SandboxReply =>
  typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

export const pageOf = <A>(
  context: RouteContext,
  items: ReadonlyArray<A>,
  page: PageRequest,
): { data: ReadonlyArray<A>; next?: string; previous?: string } => {
  const data = items.slice(page.offset, page.offset + page.limit);
  const link = (offset: number): string => {
    const query = new URLSearchParams(context.query);
    query.set('limit', String(page.limit));
    query.set('offset', String(offset));
    return `${context.baseUrl}${context.path}?${query.toString()}`;
  };
  return {
    ...(data.length === page.limit ? { next: link(page.offset + page.limit) } : {}),
    ...(page.offset > 0 ? { previous: link(Math.max(0, page.offset - page.limit)) } : {}),
    data,
  };
};
