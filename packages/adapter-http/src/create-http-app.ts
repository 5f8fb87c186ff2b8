/**
 * The Koa application: request context, error boundary, optional auth, JSON body parsing with a size
 * limit, the routes of both API families, and JSON answers for unknown routes (404) and methods (405).
 */
import { Router } from '@koa/router';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { systemError } from './error-response.js';
import type { HttpAppOptions } from './http-app-options.js';
import { createMetrics } from './metrics.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { errorBoundary } from './middleware/error-boundary.js';
import { requestContext, type RequestState } from './middleware/request-context.js';
import { accessRoutes } from './routes/access.routes.js';
import { operationsRoutes } from './routes/operations.routes.js';
import { provisioningRoutes } from './routes/provisioning.routes.js';
import { validationRoutes } from './routes/validation.routes.js';

/**
 * What the router left unanswered: a wrong method (405, `Allow` already set) or an unknown route (404).
 * It wraps the router because `allowedMethods` sets the 405 on the way back out.
 */
const notRouted: Koa.Middleware<RequestState> = async (ctx, next) => {
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

export const LEGACY_PREFIX = '/datamesh.airbytespecificprovisioner/:version';
export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export const createHttpApp = (given: HttpAppOptions): Koa<RequestState> => {
  const bodyLimitBytes = given.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  // /metrics is always served; an embedder who does not scrape it pays for one idle registry
  const metrics = given.metrics ?? createMetrics();
  const options: HttpAppOptions = { ...given, metrics };
  const app = new Koa<RequestState>({ proxy: false });
  app.silent = true;
  const router = new Router<RequestState>();
  operationsRoutes(router, options, metrics);
  validationRoutes(router, LEGACY_PREFIX, options);
  provisioningRoutes(router, LEGACY_PREFIX, 'json', options);
  provisioningRoutes(router, '/v1', 'text', options);
  accessRoutes(router, LEGACY_PREFIX, options);

  app.use(requestContext(options.logger, metrics));
  app.use(errorBoundary(bodyLimitBytes));
  if (options.apiToken !== undefined && options.apiToken !== '') app.use(bearerAuth(options.apiToken));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: `${bodyLimitBytes}b`, strict: true }));
  app.use(notRouted);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
};
