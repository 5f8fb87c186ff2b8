/** Validation as the first step of an operation: an invalid request fails with every problem listed. */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { flow, pipe } from 'fp-ts/lib/function.js';
import { validateProvisioningRequest, validateRemovalRequest } from '../descriptor/index.js';
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
  deps: Pick<CoreDeps, 'profiles' | 'clock' | 'connectorSchemas'>,
): ((request: ProvisioningRequest) => TE.TaskEither<OperationFailure, ValidatedComponent>) =>
  flow(
    validateProvisioningRequest(deps.profiles, undefined, deps.connectorSchemas),
    E.mapLeft(invalidRequestFailure(deps.clock)),
    TE.fromEither,
  );

// Only what the connection itself synced is cleared (Airbyte's clear job); the destination's database and
// schema belong to its own storage component, which this provisioner never drops.
export const REMOVE_DATA_NOTE =
  'removeData is true: the data the connection synced is cleared in the destination (an Airbyte clear job) before the connection is deleted';

/**
 * Validation for an unprovision: only what identifies the resources must hold (a descriptor a deploy
 * would refuse is still removed); `removeData` (false when absent) is answered with a note when set.
 */
export const validateUnprovisionOrFail = (
  deps: Pick<CoreDeps, 'profiles' | 'clock' | 'connectorSchemas'>,
): ((request: ProvisioningRequest) => TE.TaskEither<OperationFailure, ValidatedComponent>) => {
  const validateRemoval = validateRemovalRequest(deps.profiles, undefined, deps.connectorSchemas);
  return (request) =>
    pipe(
      validateRemoval(request),
      E.mapLeft(invalidRequestFailure(deps.clock)),
      TE.fromEither,
      TE.map((component) =>
        request.removeData === true
          ? { ...component, removeData: true, warnings: [...component.warnings, REMOVE_DATA_NOTE] }
          : component,
      ),
    );
};
