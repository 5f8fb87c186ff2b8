/**
 * From a parsed request to a reply: the token route (open), the health route (open), then authentication,
 * then the route table. Pure over the state, no socket: usable by any HTTP server.
 */
import { authenticate, createToken, unauthorized } from './auth.js';
import { matchRoute } from './router.js';
import { problem, type SandboxReply } from './sandbox-reply.js';
import type { SandboxState } from './sandbox-state.js';

export interface SandboxRequest {
  readonly method: string;
  /** Path below the base path, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly rawBody: string;
  /** Absolute URL of the API base, for pagination links. */
  readonly baseUrl: string;
}

const INVALID = Symbol('invalid body');

/** JSON, or form fields for the token route (the spec allows application/x-www-form-urlencoded there). */
const parseBody = (request: SandboxRequest): unknown => {
  if (request.rawBody.trim() === '') return undefined;
  if ((request.contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(request.rawBody));
  }
  try {
    return JSON.parse(request.rawBody) as unknown;
  } catch {
    return INVALID;
  }
};

const invalidJson = (): SandboxReply => problem(400, 'The request body is not valid JSON');

export const dispatch = (state: SandboxState, request: SandboxRequest): SandboxReply => {
  const { method, path } = request;
  if (path === '/health')
    return method === 'GET' ? { status: 200 } : problem(405, `${method} ${path} is not allowed`);
  if (path === '/applications/token') {
    if (method !== 'POST') return problem(405, `${method} ${path} is not allowed`);
    const body = parseBody(request);
    return body === INVALID ? invalidJson() : createToken({ state, body });
  }
  const access = authenticate(state, request.authorization);
  if (access === undefined) return unauthorized();
  const match = matchRoute(method, path);
  switch (match._tag) {
    case 'NotFound':
      return problem(404, `No route ${method} ${path}`);
    case 'MethodNotAllowed':
      return problem(405, `${method} ${path} is not allowed`);
    case 'Found': {
      const body = parseBody(request);
      if (body === INVALID) return invalidJson();
      return match.handler({
        state,
        access,
        params: match.params,
        query: request.query,
        body,
        baseUrl: request.baseUrl,
        path,
      });
    }
  }
};
