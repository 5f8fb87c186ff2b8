/** Validation as the first step of an operation: an invalid request fails with every problem listed. */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { flow } from 'fp-ts/lib/function.js';
import { validateProvisioningRequest } from '../descriptor/index.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { OperationFailure } from '../domain/operation-result.js';
import { formatProblem, type Problem } from '../errors/problem.js';
import { invalidRequest } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';
import type { ProvisioningRequest } from '../requests/requests.codec.js';
import type { CoreDeps } from './core-deps.js';

export const invalidRequestFailure =
  (clock: Clock) =>
  (problems: ReadonlyArray<Problem>): OperationFailure => ({
    error: invalidRequest(problems),
    logs: problems.map((p) => ({
      timestamp: new Date(clock.now()).toISOString(),
      level: 'ERROR',
      message: formatProblem(p),
      phase: 'validate',
    })),
  });

export const validateOrFail = (
  deps: Pick<CoreDeps, 'profiles' | 'clock'>,
): ((request: ProvisioningRequest) => TE.TaskEither<OperationFailure, ValidatedComponent>) =>
  flow(
    validateProvisioningRequest(deps.profiles),
    E.mapLeft(invalidRequestFailure(deps.clock)),
    TE.fromEither,
  );
