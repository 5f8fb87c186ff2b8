/** updateacl (legacy `acl{users,groups}` and 2.2.0 `refs[]`) and reverse provisioning, which we do not offer. */
import {
  LegacyUpdateAclRequest,
  RefsUpdateAclRequest,
  ReverseProvisioningRequest,
  unsupported,
} from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { HttpAppOptions } from '../http-app-options.js';
import { completedStatus } from '../status-body.js';
import { decodeBody, sendError, type AppRouter, type Ctx } from './respond.js';

const updateAcl =
  <A extends LegacyUpdateAclRequest | RefsUpdateAclRequest>(
    options: HttpAppOptions,
    codec: t.Type<A, unknown, unknown>,
  ) =>
  async (ctx: Ctx) => {
    const request = decodeBody(ctx, codec);
    if (E.isLeft(request)) return;
    const outcome = await options.useCases.updateAcl(request.right)();
    if (E.isLeft(outcome)) return sendError(ctx, outcome.left.error);
    ctx.body = completedStatus(outcome.right);
  };

const reverseProvision = (options: HttpAppOptions) => async (ctx: Ctx) => {
  const request = decodeBody(ctx, ReverseProvisioningRequest);
  if (E.isLeft(request)) return;
  const outcome = await options.useCases.reverseProvision(request.right)();
  if (E.isLeft(outcome)) sendError(ctx, outcome.left);
};

export const accessRoutes = (router: AppRouter, legacyPrefix: string, options: HttpAppOptions): void => {
  router.post(`${legacyPrefix}/updateacl`, updateAcl(options, LegacyUpdateAclRequest));
  router.post('/v1/updateacl', updateAcl(options, RefsUpdateAclRequest));
  router.post('/v1/reverse-provisioning', reverseProvision(options));
  // no reverse provisioning is ever started, so no token of it can exist
  router.get('/v1/reverse-provisioning/:token/status', (ctx: Ctx) =>
    sendError(ctx, unsupported('This provisioner does not support reverse provisioning.')),
  );
};
