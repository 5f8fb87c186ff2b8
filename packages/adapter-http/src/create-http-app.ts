/**
 * The Koa application: request context, error boundary, optional auth, JSON body parsing with a size
 * limit, the routes of both API families, and JSON answers for unknown routes (404) and methods (405).
 */
import { Router } from '@koa/router';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import type { HttpAppOptions } from './http-app-options.js';
import { createMetrics } from './metrics.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { errorBoundary } from './middleware/error-boundary.js';
import { notRouted } from './middleware/not-routed.js';
import { requestContext, type RequestState } from './middleware/request-context.js';
import { accessRoutes } from './routes/access.routes.js';
import { operationsRoutes } from './routes/operations.routes.js';
import { planRoutes } from './routes/plan.routes.js';
import { provisioningRoutes } from './routes/provisioning.routes.js';
import { validationRoutes } from './routes/validation.routes.js';

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
  planRoutes(router, options);

  app.use(requestContext(options.logger, metrics));
  app.use(errorBoundary(bodyLimitBytes));
  if (options.apiToken !== undefined && options.apiToken !== '') app.use(bearerAuth(options.apiToken));
  // koa-bodyparser (co-body over raw-body) counts the limit on the inflated bytes, so a gzip bomb is a 413
  // too, and its errors carry a status the error boundary maps; `strict` takes objects and arrays only
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: `${bodyLimitBytes}b`, strict: true }));
  app.use(notRouted);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
};
