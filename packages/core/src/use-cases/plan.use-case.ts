import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { deployChanges } from '../planner/planned-changes.js';
import { scopedDeps, type CoreDeps } from './core-deps.js';
import { OperationJournal } from './operation-journal.js';
import { prepareDeploy } from './prepare-deploy.js';
import type { PlanUseCase } from './use-case.types.js';
import { validateOrFail } from './validate-request.js';

/** A dry run: what a provision would do, per resource, reading Airbyte but never writing to it. */
export const makePlan =
  (deps: CoreDeps): PlanUseCase =>
  (request, context) =>
    pipe(
      validateOrFail(deps)(request),
      TE.chain((component) =>
        pipe(
          prepareDeploy(scopedDeps(deps, context))(component),
          TE.map(({ plan }) => deployChanges(plan)),
          TE.mapLeft((error) => new OperationJournal(deps.clock, deps.workspaceId).failure(error, false)),
        ),
      ),
    );
