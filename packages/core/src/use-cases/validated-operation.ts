/**
 * The shape the provisioning use cases share: validate the request, then run an operation on the
 * component with the caller's context (its logger), at once or in the background.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { OperationFailure, OperationResult } from '../domain/operation-result.js';
import type { ProvisioningRequest } from '../requests/requests.codec.js';
import { scopedDeps, type CoreDeps } from './core-deps.js';
import { runInBackground } from './run-in-background.js';
import type { OperationContext } from './use-case.types.js';

type Validation = (
  deps: CoreDeps,
) => (request: ProvisioningRequest) => TE.TaskEither<OperationFailure, ValidatedComponent>;

type ComponentOperation<A> = (
  deps: CoreDeps,
) => (component: ValidatedComponent) => TE.TaskEither<OperationFailure, A>;

export const validatedOperation =
  <A>(validate: Validation, operation: ComponentOperation<A>) =>
  (deps: CoreDeps) => {
    const validateRequest = validate(deps);
    return (request: ProvisioningRequest, context?: OperationContext): TE.TaskEither<OperationFailure, A> =>
      pipe(validateRequest(request), TE.chain(operation(scopedDeps(deps, context))));
  };

/** The operation started under a task token instead: answers the token once the task is RUNNING. */
export const inBackground =
  (operation: ComponentOperation<OperationResult>): ComponentOperation<string> =>
  (deps) =>
  (component) =>
    pipe(
      runInBackground(
        deps,
        deps.provisioningTasks,
      )((publishProgress) => operation({ ...deps, publishProgress })(component)),
      TE.mapLeft((error): OperationFailure => ({ error, logs: [] })),
    );
