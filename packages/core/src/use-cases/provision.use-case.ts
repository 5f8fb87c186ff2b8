import * as TE from 'fp-ts/lib/TaskEither.js';
import { flow } from 'fp-ts/lib/function.js';
import type { CoreDeps } from './core-deps.js';
import { lockedDeploy } from './deploy.js';
import type { ProvisionUseCase } from './use-case.types.js';
import { validateOrFail } from './validate-request.js';

/** Validates, then makes Airbyte hold what the component declares (one operation per component at a time). */
export const makeProvision = (deps: CoreDeps): ProvisionUseCase =>
  flow(validateOrFail(deps), TE.chain(lockedDeploy(deps)));
