import type { CoreDeps } from './core-deps.js';
import { lockedDeploy } from './deploy.js';
import type { SubmitUseCase } from './use-case.types.js';
import { inBackground, validatedOperation } from './validated-operation.js';
import { validateOrFail } from './validate-request.js';

/** Validates at once (an invalid request fails here), then deploys in the background; answers the token. */
export const makeSubmitProvision: (deps: CoreDeps) => SubmitUseCase = validatedOperation(
  validateOrFail,
  inBackground(lockedDeploy),
);
