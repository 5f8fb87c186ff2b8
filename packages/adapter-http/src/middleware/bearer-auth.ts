/** Optional API token: constant-time comparison of SHA-256 digests, so neither content nor length leaks. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import type { RequestState } from './request-context.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const openPaths = new Set(['/', '/health', '/ready', '/metrics', '/openapi.yaml', '/docs']);

/** The credentials of `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 9110). */
const bearerToken = (header: string): string => /^Bearer (.*)$/i.exec(header)?.[1] ?? '';

export const bearerAuth = (apiToken: string): Middleware<RequestState> => {
  const expected = digest(apiToken);
  return async (ctx, next) => {
    const given = bearerToken(ctx.get('Authorization'));
    if (openPaths.has(ctx.path) || (given !== '' && timingSafeEqual(digest(given), expected))) {
      await next();
      return;
    }
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer');
    const message = 'Missing or wrong API token.';
    ctx.body = {
      error: message,
      userMessage: message,
      moreInfo: { problems: [message], solutions: ['Send Authorization: Bearer <API_TOKEN>.'] },
    };
  };
};
