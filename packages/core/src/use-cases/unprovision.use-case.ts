import * as TE from 'fp-ts/lib/TaskEither.js';
import { flow } from 'fp-ts/lib/function.js';
import type { CoreDeps } from './core-deps.js';
import { lockedUndeploy } from './undeploy.js';
import type { UnprovisionUseCase } from './use-case.types.js';
import { validateUnprovisionOrFail } from './validate-request.js';

/** Validates, then removes the component's resources (one operation per component at a time). */
export const makeUnprovision = (deps: CoreDeps): UnprovisionUseCase =>
  flow(validateUnprovisionOrFail(deps), TE.chain(lockedUndeploy(deps)));
