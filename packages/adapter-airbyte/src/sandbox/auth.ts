/**
 * Client-credentials tokens (`POST /applications/token`) and the check every other route runs: a live
 * bearer token, or basic auth when configured. Wrong credentials answer 401 (the spec lists only 400 and
 * 403 for the token route; Airbyte answers 401 for bad credentials).
 */
import { timingSafeEqual } from 'node:crypto';
import type { RouteContext } from './route-context.js';
import { badRequest, invalidApiKey, micronautError, ok, type SandboxReply } from './sandbox-reply.js';
import { issueToken, type SandboxState } from './sandbox-state.js';
import { isRecord } from './secrets.js';

const same = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export const createToken = (context: Pick<RouteContext, 'state' | 'body'>): SandboxReply => {
  const body = context.body;
  if (!isRecord(body)) return micronautError(400, 'The request body must be a JSON or form-encoded object');
  const clientId = body['client_id'];
  const clientSecret = body['client_secret'];
  const grant = body['grant_type'] ?? body['grant-type'];
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string') {
    return micronautError(400, 'Missing required creator property: client_id, client_secret');
  }
  if (grant !== 'client_credentials') return badRequest('grant_type must be client_credentials');
  const application = context.state.applications.find(
    (app) => same(app.clientId, clientId) && same(app.clientSecret, clientSecret),
  );
  if (application === undefined) return invalidApiKey();
  return ok({
    access_token: issueToken(context.state, application),
    token_type: 'Bearer',
    expires_in: context.state.options.tokenTtlSeconds,
  });
};

/** The workspaces the caller reaches, or undefined when the request is not authenticated. */
export const authenticate = (state: SandboxState, header: string | undefined): Set<string> | undefined => {
  if (header === undefined) return undefined;
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') {
    const grant = state.tokens.get(value);
    if (grant === undefined) return undefined;
    if (grant.expiresAtMs <= state.now()) {
      state.tokens.delete(value);
      return undefined;
    }
    return grant.workspaceIds;
  }
  const basic = state.options.basicAuth;
  if (scheme?.toLowerCase() === 'basic' && basic !== undefined) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return same(decoded, `${basic.username}:${basic.password}`)
      ? new Set(state.workspaces.keys())
      : undefined;
  }
  return undefined;
};

export const unauthorized = (): SandboxReply => {
  const reply = invalidApiKey();
  return { ...reply, headers: { ...reply.headers, 'www-authenticate': 'Bearer' } };
};
