import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { validateUpdateAclRequest } from '../descriptor/index.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { OperationFailure, OperationResult } from '../domain/operation-result.js';
import type { UpdateAclRequest } from '../requests/requests.codec.js';
import type { CoreDeps } from './core-deps.js';
import { OperationJournal } from './operation-journal.js';
import { lockUnavailable } from './resource-ownership.js';
import { inComponentWorkspace, withWorkspaceLogs } from './component-workspace.js';
import { runInBackground } from './run-in-background.js';
import { syncAccess } from './sync-access.js';
import type { SubmitUpdateAclUseCase, UpdateAclUseCase } from './use-case.types.js';
import { invalidRequestFailure } from './validate-request.js';

type Deps = CoreDeps;

const principals = (request: UpdateAclRequest): ReadonlyArray<string> =>
  'refs' in request
    ? request.refs
    : [
        ...request.acl.users.map((u) => (u.startsWith('user:') ? u : `user:${u}`)),
        ...request.acl.groups.map((g) => (g.startsWith('group:') ? g : `group:${g}`)),
      ];

const nothingToGrant = (
  deps: Deps,
  component: ValidatedComponent,
  who: ReadonlyArray<string>,
): OperationResult => {
  const journal = new OperationJournal(deps.clock, deps.workspaceId);
  component.warnings.forEach((w) => journal.warn(w, 'validate'));
  journal.info(
    `Airbyte workloads hold no data access to grant, and no Airbyte access is managed (AIRBYTE_ACL_MODE=off); nothing to do for ${
      who.length === 0 ? 'an empty access list' : who.join(', ')
    }`,
    'updateacl',
  );
  return {
    message: 'Access list accepted: Airbyte workloads hold no data access to grant',
    info: { publicInfo: {}, privateInfo: {} },
    logs: journal.logs,
  };
};

/**
 * The access update of one validated component. Without access management (the default) it completes
 * at once: an Airbyte workload moves data but holds no data access of its own. With `workspace-role`,
 * the refs become the users and groups holding the role on the workspace (see sync-access.ts); updates of
 * one workspace never interleave, since components share its users.
 */
const updateAccess =
  (deps: Deps, request: UpdateAclRequest) =>
  (component: ValidatedComponent): TE.TaskEither<OperationFailure, OperationResult> => {
    const access = deps.access;
    if (access === undefined) return TE.right(nothingToGrant(deps, component, principals(request)));
    // per-data-product: the grants land on the data product's own workspace (created if need be)
    return inComponentWorkspace(
      deps,
      component,
      'create',
      (scoped) =>
        scoped.lock.withLock(
          `acl:${scoped.workspaceId}`,
          () => {
            const journal = new OperationJournal(scoped.clock, scoped.workspaceId);
            component.warnings.forEach((w) => journal.warn(w, 'validate'));
            return pipe(
              syncAccess(
                { ...access, workspaceId: scoped.workspaceId },
                journal,
                component.componentId,
                principals(request),
              ),
              TE.mapLeft((error) => journal.failure(error, false)),
            )();
          },
          lockUnavailable,
        ),
      withWorkspaceLogs,
    );
  };

const validated = (deps: Deps) => {
  const validate = validateUpdateAclRequest(deps.profiles);
  return (request: UpdateAclRequest): TE.TaskEither<OperationFailure, ValidatedComponent> =>
    pipe(validate(request), E.mapLeft(invalidRequestFailure(deps.clock)), TE.fromEither);
};

/** Validates the request (either shape, and the descriptor it refers to), then updates access at once. */
export const makeUpdateAcl = (deps: Deps): UpdateAclUseCase => {
  const validate = validated(deps);
  return (request) => pipe(validate(request), TE.chain(updateAccess(deps, request)));
};

/** Validates at once (an invalid request fails here), then updates access in the background; answers the token. */
export const makeSubmitUpdateAcl = (deps: CoreDeps): SubmitUpdateAclUseCase => {
  const validate = validated(deps);
  return (request) =>
    pipe(
      validate(request),
      TE.chain((component) =>
        pipe(
          runInBackground(deps, deps.provisioningTasks)(() => updateAccess(deps, request)(component)),
          TE.mapLeft((error): OperationFailure => ({ error, logs: [] })),
        ),
      ),
    );
};
