import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { OperationFailure } from '../domain/operation-result.js';
import { scopedDeps, type CoreDeps } from './core-deps.js';
import { runInBackground } from './run-in-background.js';
import { lockedUndeploy } from './undeploy.js';
import type { SubmitUseCase } from './use-case.types.js';
import { validateUnprovisionOrFail } from './validate-request.js';

/** Validates at once (an invalid request fails here), then undeploys in the background; answers the token. */
export const makeSubmitUnprovision =
  (deps: CoreDeps): SubmitUseCase =>
  (request, context) =>
    pipe(
      validateUnprovisionOrFail(deps)(request),
      TE.chain((component) =>
        pipe(
          runInBackground(deps, deps.provisioningTasks)(lockedUndeploy(scopedDeps(deps, context))(component)),
          TE.mapLeft((error): OperationFailure => ({ error, logs: [] })),
        ),
      ),
    );
