/**
 * Reverse provisioning (2.2.0): imports an existing Airbyte connection into a component. The request's
 * `params` name the connection (`connectionId`, or `connectionName` with exactly one match); the work runs
 * in the background under a token, and its result is the `updates` of the component's catalog-info.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ReverseProvisioningResult } from '../domain/reverse-provisioning.js';
import type { OperationFailure } from '../domain/operation-result.js';
import { problem } from '../errors/problem.js';
import { invalidRequest, type ProvisioningError } from '../errors/provisioning-error.js';
import type { TaskRepository } from '../ports/task-repository.port.js';
import type { ReverseProvisioningRequest } from '../requests/requests.codec.js';
import { scopedDeps, type CoreDeps } from './core-deps.js';
import { importConnection, type ConnectionRef } from './import-connection.js';
import { OperationJournal } from './operation-journal.js';
import * as O from 'fp-ts/lib/Option.js';
import type { AirbyteWorkspace } from '../domain/workspace.js';
import { depsIn } from './component-workspace.js';
import { step } from './locate.js';
import { runInBackground } from './run-in-background.js';
import type { GetReverseProvisioningStatusUseCase, ReverseProvisionUseCase } from './use-case.types.js';

const text = (params: Readonly<Record<string, unknown>>, key: string): string | undefined => {
  const value = params[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

/** Exactly one of `params.connectionId` and `params.connectionName`, each a non-empty string. */
export const connectionRefOf = (
  request: ReverseProvisioningRequest,
): E.Either<ProvisioningError, ConnectionRef> => {
  const params = request.params ?? {};
  const id = text(params, 'connectionId');
  const name = text(params, 'connectionName');
  if (id !== undefined && name === undefined) return E.right({ _tag: 'ById', id });
  if (name !== undefined && id === undefined) return E.right({ _tag: 'ByName', name });
  return E.left(
    invalidRequest([
      problem(
        'params',
        id === undefined
          ? 'give the Airbyte connection to import: params.connectionId or params.connectionName (a non-empty string)'
          : 'give params.connectionId or params.connectionName, not both',
      ),
    ]),
  );
};

/**
 * Per-data-product mode: the workspace that holds the connection, named by `params.workspaceId` or
 * `params.workspaceName` (the connection is looked up there only). Shared mode: the configured one.
 */
const workspaceDeps = (
  deps: CoreDeps,
  request: ReverseProvisioningRequest,
): TE.TaskEither<ProvisioningError, CoreDeps> => {
  const settings = deps.workspaces;
  if (settings === undefined) return TE.right(deps);
  const params = request.params ?? {};
  const id = text(params, 'workspaceId');
  const name = text(params, 'workspaceName');
  const found = (workspace: AirbyteWorkspace): CoreDeps =>
    depsIn(deps, { _tag: 'Found', workspace, created: false });
  if (id !== undefined)
    return pipe(
      step(`read workspace ${id}`)(settings.directory.findById(id)),
      TE.chain(
        O.match(
          () => TE.left(invalidRequest([problem('params.workspaceId', `no Airbyte workspace ${id}`)])),
          (workspace) => TE.right(found(workspace)),
        ),
      ),
    );
  if (name !== undefined)
    return pipe(
      step(`find workspace "${name}"`)(settings.directory.findByName(name)),
      TE.chain((matches) => {
        const [first, ...others] = matches;
        if (first !== undefined && others.length === 0) return TE.right(found(first));
        return TE.left(
          invalidRequest([
            problem(
              'params.workspaceName',
              first === undefined
                ? `no Airbyte workspace is named "${name}"`
                : `${matches.length} Airbyte workspaces are named "${name}" (${matches.map((w) => w.id).join(', ')}): give params.workspaceId instead`,
            ),
          ]),
        );
      }),
    );
  return TE.left(
    invalidRequest([
      problem(
        'params.workspaceId',
        'each data product has its own Airbyte workspace (AIRBYTE_WORKSPACE_MODE=per-data-product): give the one holding the connection, params.workspaceId or params.workspaceName',
      ),
    ]),
  );
};

const reverse =
  (
    deps: CoreDeps,
    ref: ConnectionRef,
    request: ReverseProvisioningRequest,
  ): TE.TaskEither<OperationFailure, ReverseProvisioningResult> =>
  () => {
    const journal = new OperationJournal(deps.clock, deps.workspaceId);
    return pipe(
      workspaceDeps(deps, request),
      TE.chain((scoped) => importConnection(scoped)(ref)),
      TE.map(({ updates, secretPaths, connection }) => {
        journal.info(
          `Imported connection "${connection.name}" (${connection.id}) with its source and destination; the next provision of this component adopts them (spec.mesh.specific.adopt)`,
          'reverse',
        );
        if (secretPaths.length > 0) {
          journal.warn(
            `Airbyte does not show secrets: fill these paths (now \${env:NAME} placeholders) with the values Airbyte holds before provisioning: ${secretPaths.join(', ')}`,
            'reverse',
          );
        }
        return { updates, logs: journal.logs };
      }),
      TE.mapLeft((error) => journal.failure(error, false)),
    )();
  };

/** Checks the params at once (a bad request fails here), then imports in the background; answers the token. */
export const makeSubmitReverseProvision =
  (deps: CoreDeps, tasks: TaskRepository<ReverseProvisioningResult>): ReverseProvisionUseCase =>
  (request, context) =>
    pipe(
      TE.fromEither(connectionRefOf(request)),
      TE.chain((ref) => {
        const scoped = scopedDeps(deps, context);
        return runInBackground(scoped, tasks)(() => reverse(scoped, ref, request));
      }),
    );

export const makeGetReverseProvisioningStatus =
  (tasks: TaskRepository<ReverseProvisioningResult>): GetReverseProvisioningStatusUseCase =>
  (token) =>
    tasks.get(token);
