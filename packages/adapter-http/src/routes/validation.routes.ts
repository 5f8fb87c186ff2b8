/** validate (sync, both families) and the 2.2.0 async validation with its status. */
import { ProvisioningRequest } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type { HttpAppOptions } from '../http-app-options.js';
import { validationResult, validationStatus } from '../status-body.js';
import {
  decodeBody,
  locateProblems,
  sendError,
  sendToken,
  tokenParam,
  type AppRouter,
  type Ctx,
} from './respond.js';

const validate = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const request = decodeBody(ctx, ProvisioningRequest);
  if (E.isLeft(request)) return;
  const outcome = await options.useCases.validate(request.right)();
  ctx.body = validationResult(
    outcome.valid ? outcome : { ...outcome, problems: locateProblems(outcome.problems, request.right) },
  );
};

const submitValidation = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const request = decodeBody(ctx, ProvisioningRequest);
  if (E.isLeft(request)) return;
  sendToken(ctx, await options.useCases.submitValidation(request.right)(), 'json');
};

const validationStatusRoute = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const view = await options.useCases.getValidationStatus(tokenParam(ctx))();
  if (E.isLeft(view)) return sendError(ctx, view.left);
  ctx.body = validationStatus(view.right);
};

export const validationRoutes = (router: AppRouter, legacyPrefix: string, options: HttpAppOptions): void => {
  router.post(`${legacyPrefix}/validate`, validate(options));
  router.post('/v1/validate', validate(options));
  router.post('/v2/validate', submitValidation(options));
  router.get('/v2/validate/:token/status', validationStatusRoute(options));
};
