import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { scopedDeps, type CoreDeps } from './core-deps.js';
import { lockedUndeploy } from './undeploy.js';
import type { UnprovisionUseCase } from './use-case.types.js';
import { validateUnprovisionOrFail } from './validate-request.js';

/** Validates, then removes the component's resources (one operation per component at a time). */
export const makeUnprovision =
  (deps: CoreDeps): UnprovisionUseCase =>
  (request, context) =>
    pipe(validateUnprovisionOrFail(deps)(request), TE.chain(lockedUndeploy(scopedDeps(deps, context))));
