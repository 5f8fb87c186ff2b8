/** A dry run over HTTP: what a provision would do, per resource, with its values; nothing is written. */
import { ProvisioningRequest } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type { HttpAppOptions } from '../http-app-options.js';
import { decodeBody, locateError, sendError, type AppRouter, type Ctx } from './respond.js';

const plan = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const request = decodeBody(ctx, ProvisioningRequest);
  if (E.isLeft(request)) return;
  const planned = await options.useCases.plan(request.right, { logger: ctx.state.log })();
  if (E.isLeft(planned)) return sendError(ctx, locateError(planned.left.error, request.right));
  ctx.body = { changesPending: planned.right.some((c) => c.action !== 'noop'), changes: planned.right };
};

export const planRoutes = (router: AppRouter, options: HttpAppOptions): void => {
  router.post('/v1/plan', plan(options));
};
