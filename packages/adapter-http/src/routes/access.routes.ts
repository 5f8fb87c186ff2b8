/** updateacl (legacy `acl{users,groups}` and 2.2.0 `refs[]`) and reverse provisioning (2.2.0, async). */
import {
  LegacyUpdateAclRequest,
  RefsUpdateAclRequest,
  ReverseProvisioningRequest,
} from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { HttpAppOptions } from '../http-app-options.js';
import { completedStatus } from '../status-body.js';
import { reverseProvisioningStatus } from '../reverse-provisioning-status.js';
import { decodeBody, sendError, sendToken, tokenParam, type AppRouter, type Ctx } from './respond.js';

/** The legacy route answers at once; the 2.2.0 one, in async mode, a token polled on the provision status route. */
const updateAcl =
  <A extends LegacyUpdateAclRequest | RefsUpdateAclRequest>(
    options: HttpAppOptions,
    codec: t.Type<A, unknown, unknown>,
    family: 'legacy' | '2.2.0',
  ) =>
  async (ctx: Ctx) => {
    const request = decodeBody(ctx, codec);
    if (E.isLeft(request)) return;
    if (family === '2.2.0' && options.provisionMode === 'async') {
      const token = await options.useCases.submitUpdateAcl(request.right)();
      if (E.isLeft(token)) return sendError(ctx, token.left.error);
      return sendToken(ctx, token.right, 'text');
    }
    const outcome = await options.useCases.updateAcl(request.right)();
    if (E.isLeft(outcome)) return sendError(ctx, outcome.left.error);
    ctx.body = completedStatus(outcome.right);
  };

const reverseProvision = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const request = decodeBody(ctx, ReverseProvisioningRequest);
  if (E.isLeft(request)) return;
  const token = await options.useCases.reverseProvision(request.right, { logger: ctx.state.log })();
  if (E.isLeft(token)) return sendError(ctx, token.left);
  sendToken(ctx, token.right, 'text');
};

const reverseProvisioningStatusRoute = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const view = await options.useCases.getReverseProvisioningStatus(tokenParam(ctx))();
  if (E.isLeft(view)) return sendError(ctx, view.left);
  ctx.body = reverseProvisioningStatus(view.right);
};

export const accessRoutes = (router: AppRouter, legacyPrefix: string, options: HttpAppOptions): void => {
  router.post(`${legacyPrefix}/updateacl`, updateAcl(options, LegacyUpdateAclRequest, 'legacy'));
  router.post('/v1/updateacl', updateAcl(options, RefsUpdateAclRequest, '2.2.0'));
  router.post('/v1/reverse-provisioning', reverseProvision(options));
  router.get('/v1/reverse-provisioning/:token/status', reverseProvisioningStatusRoute(options));
};
