import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { deployChangesInDetail } from '../planner/plan-details.js';
import type { CoreDeps } from './core-deps.js';
import { OperationJournal } from './operation-journal.js';
import { prepareDeploy } from './prepare-deploy.js';
import type { PlanUseCase } from './use-case.types.js';
import { validatedOperation } from './validated-operation.js';
import { validateOrFail } from './validate-request.js';

/** A dry run: what a provision would do, per resource, reading Airbyte but never writing to it. */
export const makePlan: (deps: CoreDeps) => PlanUseCase = validatedOperation(
  validateOrFail,
  (deps) => (component) =>
    pipe(
      prepareDeploy(deps)(component),
      TE.map(({ plan, located }) => deployChangesInDetail(plan, component.desired, located)),
      TE.mapLeft((error) => new OperationJournal(deps.clock, deps.workspaceId).failure(error, false)),
    ),
);
