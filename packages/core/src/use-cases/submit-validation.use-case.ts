import * as T from 'fp-ts/lib/Task.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { CoreDeps } from './core-deps.js';
import { runInBackground } from './run-in-background.js';
import type { SubmitValidationUseCase } from './use-case.types.js';
import { makeValidate } from './validate.use-case.js';

/**
 * The v2 asynchronous validate: answers a token at once, the outcome follows under it. Registering the
 * task cannot fail in memory; should a repository fail, the token is still answered and the failure
 * logged (a status request then reports the token as unknown).
 */
export const makeSubmitValidation = (deps: CoreDeps): SubmitValidationUseCase => {
  const validate = makeValidate(deps);
  return (request) =>
    pipe(
      runInBackground(deps, deps.validationTasks)(() => TE.fromTask(validate(request))),
      TE.getOrElse((error) =>
        T.fromIO(() => {
          const token = deps.ids.next();
          deps.logger.error(
            { taskToken: token, error: error._tag },
            'could not register a validation task: its token reads as unknown, so the caller must send the validation again',
          );
          return token;
        }),
      ),
    );
};
