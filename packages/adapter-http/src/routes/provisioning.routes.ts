/** provision, unprovision and their status: sync (200 with the result) or async (202 with a token). */
import { ProvisioningRequest } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type { HttpAppOptions } from '../http-app-options.js';
import { completedStatus, provisioningStatus } from '../status-body.js';
import {
  decodeBody,
  sendError,
  sendToken,
  tokenParam,
  type AppRouter,
  type Ctx,
  type TokenEncoding,
} from './respond.js';

type Operation = 'provision' | 'unprovision';

const runOperation =
  (options: HttpAppOptions, operation: Operation, tokenEncoding: TokenEncoding) => async (ctx: Ctx) => {
    const request = decodeBody(ctx, ProvisioningRequest);
    if (E.isLeft(request)) return;
    ctx.state.log.info({ operation, mode: options.provisionMode }, 'operation requested');
    // the operation logs through the request's logger: its lines, and the gateway's, carry the request id
    const context = { logger: ctx.state.log };
    if (options.provisionMode === 'sync') {
      const outcome = await options.useCases[operation](request.right, context)();
      options.metrics?.recordOutcome(operation, E.isRight(outcome) ? 'COMPLETED' : 'FAILED');
      if (E.isLeft(outcome)) return sendError(ctx, outcome.left.error);
      ctx.body = completedStatus(outcome.right);
      return;
    }
    const submit =
      operation === 'provision' ? options.useCases.submitProvision : options.useCases.submitUnprovision;
    const token = await submit(request.right, context)();
    if (E.isLeft(token)) return sendError(ctx, token.left.error);
    options.metrics?.recordAccepted(operation, token.right);
    sendToken(ctx, token.right, tokenEncoding);
  };

const getStatus = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const view = await options.useCases.getProvisioningStatus(tokenParam(ctx))();
  if (E.isLeft(view)) return sendError(ctx, view.left);
  if (view.right.status !== 'RUNNING') options.metrics?.recordTaskOutcome(tokenParam(ctx), view.right.status);
  ctx.body = provisioningStatus(view.right);
};

export const provisioningRoutes = (
  router: AppRouter,
  prefix: string,
  tokenEncoding: TokenEncoding,
  options: HttpAppOptions,
): void => {
  router.post(`${prefix}/provision`, runOperation(options, 'provision', tokenEncoding));
  router.post(`${prefix}/unprovision`, runOperation(options, 'unprovision', tokenEncoding));
  router.get(`${prefix}/provision/:token/status`, getStatus(options));
};
