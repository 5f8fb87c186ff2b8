import type { CoreDeps } from './core-deps.js';
import { releasingAccess } from './release-access.js';
import { lockedUndeploy } from './undeploy.js';
import type { SubmitUseCase } from './use-case.types.js';
import { inBackground, validatedOperation } from './validated-operation.js';
import { validateUnprovisionOrFail } from './validate-request.js';

/**
 * Validates at once (an invalid request fails here), then undeploys and releases the component's access
 * in the background; answers the token.
 */
export const makeSubmitUnprovision: (deps: CoreDeps) => SubmitUseCase = validatedOperation(
  validateUnprovisionOrFail,
  inBackground(releasingAccess(lockedUndeploy)),
);
