/**
 * The Koa application: request context, error boundary, optional auth, JSON body parsing with a size
 * limit, the routes of both API families, and JSON answers for unknown routes (404) and methods (405).
 */
import { Router } from '@koa/router';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import type { HttpAppOptions } from './http-app-options.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { errorBoundary } from './middleware/error-boundary.js';
import { requestContext, type RequestState } from './middleware/request-context.js';
import { accessRoutes } from './routes/access.routes.js';
import { operationsRoutes } from './routes/operations.routes.js';
import { provisioningRoutes } from './routes/provisioning.routes.js';
import { validationRoutes } from './routes/validation.routes.js';

export const LEGACY_PREFIX = '/datamesh.airbytespecificprovisioner/:version';
export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export const createHttpApp = (options: HttpAppOptions): Koa<RequestState> => {
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = new Koa<RequestState>({ proxy: false });
  app.silent = true;
  const router = new Router<RequestState>();
  operationsRoutes(router, options);
  validationRoutes(router, LEGACY_PREFIX, options);
  provisioningRoutes(router, LEGACY_PREFIX, options);
  provisioningRoutes(router, '/v1', options);
  accessRoutes(router, LEGACY_PREFIX, options);

  app.use(requestContext(options.logger, options.metrics));
  app.use(errorBoundary(bodyLimitBytes));
  if (options.apiToken !== undefined && options.apiToken !== '') app.use(bearerAuth(options.apiToken));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: `${bodyLimitBytes}b`, strict: true }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use((ctx) => {
    if (ctx.status === 405) {
      ctx.body = {
        error: `Method ${ctx.method} is not allowed on ${ctx.path}`,
        allowed: ctx.response.get('Allow'),
      };
    } else if (ctx.body === undefined) {
      ctx.status = 404;
      ctx.body = { error: `No route ${ctx.method} ${ctx.path}`, docs: '/docs' };
    }
  });
  return app;
};
