import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { validateUpdateAclRequest } from '../descriptor/index.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { OperationResult } from '../domain/operation-result.js';
import type { UpdateAclRequest } from '../requests/requests.codec.js';
import type { CoreDeps } from './core-deps.js';
import { OperationJournal } from './operation-journal.js';
import type { UpdateAclUseCase } from './use-case.types.js';
import { invalidRequestFailure } from './validate-request.js';

type Deps = Pick<CoreDeps, 'profiles' | 'clock' | 'workspaceId'>;

const principals = (request: UpdateAclRequest): ReadonlyArray<string> =>
  'refs' in request ? request.refs : [...request.acl.users, ...request.acl.groups];

const nothingToGrant = (
  deps: Deps,
  component: ValidatedComponent,
  who: ReadonlyArray<string>,
): OperationResult => {
  const journal = new OperationJournal(deps.clock, deps.workspaceId);
  component.warnings.forEach((w) => journal.warn(w, 'validate'));
  journal.info(
    `Airbyte workloads hold no data access to grant; nothing to do for ${
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
 * Validates the request (either shape, and the descriptor it refers to) and completes: an Airbyte
 * workload moves data but holds no data access of its own, so there is nothing to grant.
 */
export const makeUpdateAcl = (deps: Deps): UpdateAclUseCase => {
  const validate = validateUpdateAclRequest(deps.profiles);
  return (request) =>
    pipe(
      validate(request),
      E.mapLeft(invalidRequestFailure(deps.clock)),
      E.map((component) => nothingToGrant(deps, component, principals(request))),
      TE.fromEither,
    );
};
