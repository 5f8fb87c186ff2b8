import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { scopedDeps, type CoreDeps } from './core-deps.js';
import { lockedDeploy } from './deploy.js';
import type { ProvisionUseCase } from './use-case.types.js';
import { validateOrFail } from './validate-request.js';

/** Validates, then makes Airbyte hold what the component declares (one operation per component at a time). */
export const makeProvision =
  (deps: CoreDeps): ProvisionUseCase =>
  (request, context) =>
    pipe(validateOrFail(deps)(request), TE.chain(lockedDeploy(scopedDeps(deps, context))));
