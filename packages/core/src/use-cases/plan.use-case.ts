import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { deployChangesInDetail } from '../planner/plan-details.js';
import type { CoreDeps } from './core-deps.js';
import { OperationJournal } from './operation-journal.js';
import { prepareDeploy } from './prepare-deploy.js';
import { inComponentWorkspace, type ResolvedWorkspace } from './component-workspace.js';
import type { PlannedChange } from '../domain/planned-change.js';
import type { PlanUseCase } from './use-case.types.js';
import { validatedOperation } from './validated-operation.js';
import { validateOrFail } from './validate-request.js';

/** Per-data-product mode: the data product's workspace, which a provision creates when it is missing. */
const workspaceChange = (resolved: ResolvedWorkspace): ReadonlyArray<PlannedChange> => {
  switch (resolved._tag) {
    case 'Shared':
      return [];
    case 'Missing':
      return [{ kind: 'workspace', name: resolved.name, action: 'create' }];
    case 'Recorded':
      return [{ kind: 'workspace', name: resolved.name ?? resolved.id, action: 'noop', id: resolved.id }];
    case 'Found':
      return [
        { kind: 'workspace', name: resolved.workspace.name, action: 'noop', id: resolved.workspace.id },
      ];
  }
};

/** A dry run (in per-data-product mode, never creating the workspace either): what a provision would do, per resource, reading Airbyte but never writing to it. */
export const makePlan: (deps: CoreDeps) => PlanUseCase = validatedOperation(
  validateOrFail,
  (deps) => (component) =>
    inComponentWorkspace(deps, component, 'lookup', (scoped, resolved) =>
      pipe(
        prepareDeploy(scoped)(component),
        TE.map(({ plan, located }) => [
          ...workspaceChange(resolved),
          ...deployChangesInDetail(plan, component.desired, located),
        ]),
        TE.mapLeft((error) => new OperationJournal(scoped.clock, scoped.workspaceId).failure(error, false)),
      ),
    ),
);
