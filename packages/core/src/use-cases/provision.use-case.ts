import type { CoreDeps } from './core-deps.js';
import { lockedDeploy } from './deploy.js';
import type { ProvisionUseCase } from './use-case.types.js';
import { validatedOperation } from './validated-operation.js';
import { validateOrFail } from './validate-request.js';

/** Validates, then makes Airbyte hold what the component declares (one operation per component at a time). */
export const makeProvision: (deps: CoreDeps) => ProvisionUseCase = validatedOperation(
  validateOrFail,
  lockedDeploy,
);
