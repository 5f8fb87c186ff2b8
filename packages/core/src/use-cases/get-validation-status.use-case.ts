import type { CoreDeps } from './core-deps.js';
import type { GetValidationStatusUseCase } from './use-case.types.js';

/** The outcome of a v2 validation by token; an unknown or expired token is `UnknownTask`. */
export const makeGetValidationStatus =
  (deps: Pick<CoreDeps, 'validationTasks'>): GetValidationStatusUseCase =>
  (token) =>
    deps.validationTasks.get(token);
