import type { CoreDeps } from './core-deps.js';
import { releasingAccess } from './release-access.js';
import { lockedUndeploy } from './undeploy.js';
import type { UnprovisionUseCase } from './use-case.types.js';
import { validatedOperation } from './validated-operation.js';
import { validateUnprovisionOrFail } from './validate-request.js';

/**
 * Validates, then removes the component's resources (one operation per component at a time), then
 * releases the Airbyte access it held.
 */
export const makeUnprovision: (deps: CoreDeps) => UnprovisionUseCase = validatedOperation(
  validateUnprovisionOrFail,
  releasingAccess(lockedUndeploy),
);
