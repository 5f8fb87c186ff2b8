import * as E from 'fp-ts/lib/Either.js';
import * as T from 'fp-ts/lib/Task.js';
import { flow } from 'fp-ts/lib/function.js';
import { validateProvisioningRequest } from '../descriptor/index.js';
import type { CoreDeps } from './core-deps.js';
import type { ValidationOutcome } from '../domain/validation-outcome.js';
import type { ValidateUseCase } from './use-case.types.js';

/** Says whether a request would be accepted, with every problem found; never touches Airbyte. */
export const makeValidate = (deps: Pick<CoreDeps, 'profiles' | 'connectorSchemas'>): ValidateUseCase =>
  flow(
    validateProvisioningRequest(deps.profiles, undefined, deps.connectorSchemas),
    E.match(
      (problems): ValidationOutcome => ({ valid: false, problems }),
      ({ warnings }): ValidationOutcome =>
        warnings.length === 0 ? { valid: true } : { valid: true, warnings },
    ),
    T.of,
  );
