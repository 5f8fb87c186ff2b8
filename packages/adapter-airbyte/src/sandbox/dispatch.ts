/**
 * From a parsed request to a reply: the token route (open), the health route (open), then authentication,
 * then the route table. Pure over the state, no socket: usable by any HTTP server.
 */
import { authenticate, createToken, unauthorized } from './auth.js';
import { matchRoute } from './router.js';
import { micronautError, type SandboxReply } from './sandbox-reply.js';
import type { JobOutcome } from './sandbox.types.js';
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
  /** How a job this request starts ends (an injected `job` fault), if not as a success. */
  readonly jobEnds?: JobOutcome;
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

const invalidJson = (): SandboxReply =>
  micronautError(400, 'Failed to convert argument [body]: the request body is not valid JSON');

const notAllowed = (method: string, path: string): SandboxReply =>
  micronautError(405, `Method [${method}] not allowed for URI [${path}]`);

export const dispatch = (state: SandboxState, request: SandboxRequest): SandboxReply => {
  const { method, path } = request;
  if (path === '/health') return method === 'GET' ? { status: 200 } : notAllowed(method, path);
  if (path === '/applications/token') {
    if (method !== 'POST') return notAllowed(method, path);
    const body = parseBody(request);
    return body === INVALID ? invalidJson() : createToken({ state, body });
  }
  const access = authenticate(state, request.authorization);
  if (access === undefined) return unauthorized();
  const match = matchRoute(method, path);
  switch (match._tag) {
    case 'NotFound':
      return micronautError(404, 'Page Not Found');
    case 'MethodNotAllowed':
      return notAllowed(method, path);
    case 'Found': {
      const body = parseBody(request);
      if (body === INVALID) return invalidJson();
      return match.handler({
        state,
        access,
        grant: (workspaceId: string) => access.add(workspaceId),
        params: match.params,
        query: request.query,
        body,
        baseUrl: request.baseUrl,
        path,
        ...(request.jobEnds === undefined ? {} : { jobEnds: request.jobEnds }),
      });
    }
  }
};
