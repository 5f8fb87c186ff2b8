import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { OperationFailure } from '../domain/operation-result.js';
import { scopedDeps, type CoreDeps } from './core-deps.js';
import { lockedDeploy } from './deploy.js';
import { runInBackground } from './run-in-background.js';
import type { SubmitUseCase } from './use-case.types.js';
import { validateOrFail } from './validate-request.js';

/** Validates at once (an invalid request fails here), then deploys in the background; answers the token. */
export const makeSubmitProvision =
  (deps: CoreDeps): SubmitUseCase =>
  (request, context) =>
    pipe(
      validateOrFail(deps)(request),
      TE.chain((component) =>
        pipe(
          runInBackground(deps, deps.provisioningTasks)(lockedDeploy(scopedDeps(deps, context))(component)),
          TE.mapLeft((error): OperationFailure => ({ error, logs: [] })),
        ),
      ),
    );
