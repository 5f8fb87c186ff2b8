import type Koa from 'koa';
import { systemError } from '../error-response.js';
import type { RequestState } from './request-context.js';

/**
 * What the router left unanswered: a wrong method (405, `Allow` already set) or an unknown route (404).
 * It wraps the router because `allowedMethods` sets the 405 on the way back out.
 */
export const notRouted: Koa.Middleware<RequestState> = async (ctx, next) => {
  await next();
  if (ctx.status === 405) {
    ctx.body = systemError(`Method ${ctx.method} is not allowed on this route.`, [
      `Use one of: ${ctx.response.get('Allow')}.`,
    ]);
  } else if (ctx.body === undefined) {
    ctx.status = 404;
    ctx.body = systemError(`No route ${ctx.method} ${ctx.path.slice(0, 200)}.`, [
      'See /docs or /openapi.yaml for the routes this provisioner serves.',
    ]);
  }
};
