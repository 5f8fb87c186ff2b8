/**
 * Per request: an id (the caller's X-Request-Id when it is sane, else a new UUID), a child logger that
 * puts it on every line, one access log line and the request metrics. Bodies are never logged.
 */
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { HttpMetrics } from '../metrics.js';

const saneId = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestState {
  readonly requestId: string;
  readonly log: Logger;
}

export const requestContext =
  (logger: Logger, metrics: HttpMetrics | undefined): Middleware<RequestState> =>
  async (ctx, next) => {
    const started = performance.now();
    const given = ctx.get('X-Request-Id');
    const requestId = saneId.test(given) ? given : randomUUID();
    // every request writes "request completed" through it, so making it lazily would save nothing
    ctx.state = { requestId, log: logger.child({ requestId }) };
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      const durationMs = performance.now() - started;
      const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
      metrics?.recordRequest(String(route), ctx.method, ctx.status, durationMs);
      ctx.state.log.info(
        { method: ctx.method, route, status: ctx.status, durationMs: Math.round(durationMs) },
        'request completed',
      );
    }
  };
