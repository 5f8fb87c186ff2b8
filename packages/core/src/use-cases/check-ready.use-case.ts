import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { airbyteFailure } from '../errors/provisioning-error.js';
import type { CoreDeps } from './core-deps.js';
import type { CheckReadyUseCase } from './use-case.types.js';

/** Ready when Airbyte answers, accepts our credentials and has the workspace. */
export const makeCheckReady =
  (deps: Pick<CoreDeps, 'gateway'>): CheckReadyUseCase =>
  () =>
    pipe(
      deps.gateway.checkWorkspace(),
      TE.mapLeft((e) => airbyteFailure('check the Airbyte workspace', e)),
    );
