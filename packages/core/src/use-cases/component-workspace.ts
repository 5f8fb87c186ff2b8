/**
 * Which Airbyte workspace one component's operation works in. Shared mode: the configured one, as always.
 * Per-data-product mode: the workspace recorded for the component first (so that a change of the name
 * template never strands a deployment), else the data product's workspace found by its templated name,
 * else (for a provision or an access update) one created. Find-or-create runs under a lock keyed by the
 * name, so that two components of one data product deploying at once create one workspace; a name
 * another data product owns is refused, naming both.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { identity, pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { OperationFailure, OperationResult } from '../domain/operation-result.js';
import { workspaceNameOf, type AirbyteWorkspace } from '../domain/workspace.js';
import { airbyteUnavailable, type AirbyteError } from '../errors/airbyte-error.js';
import { invalidRequest, stateConflict, type ProvisioningError } from '../errors/provisioning-error.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import { workspaceNameTaken } from '../ports/workspace-owner-registry.port.js';
import type { CoreDeps, DataProductWorkspaces } from './core-deps.js';
import { step } from './locate.js';
import { OperationJournal } from './operation-journal.js';
import { knownRecords } from './previous-record.js';

/** `create`: a missing workspace is created (provision, updateacl); `lookup`: it is reported missing (plan, unprovision). */
export type WorkspaceAccess = 'create' | 'lookup';

export type ResolvedWorkspace =
  | { readonly _tag: 'Shared' }
  | { readonly _tag: 'Recorded'; readonly id: string; readonly name?: string }
  | { readonly _tag: 'Found'; readonly workspace: AirbyteWorkspace; readonly created: boolean }
  | { readonly _tag: 'Missing'; readonly name: string };

const phase = 'workspace';

/** Fails when the workspace name is another data product's. */
const refuseTakenName = (
  settings: DataProductWorkspaces,
  name: string,
  dataProductId: string,
): TE.TaskEither<ProvisioningError, void> =>
  pipe(
    settings.owners.ownerOf(name),
    TE.chain(
      O.match(
        () => TE.right(undefined),
        (owner) =>
          owner.dataProductId === dataProductId
            ? TE.right(undefined)
            : TE.left(workspaceNameTaken(name, dataProductId, owner)),
      ),
    ),
  );

const findOrCreate = (
  deps: Pick<CoreDeps, 'lock'>,
  settings: DataProductWorkspaces,
  journal: OperationJournal,
  dataProductId: string,
  name: string,
  access: WorkspaceAccess,
): TE.TaskEither<ProvisioningError, ResolvedWorkspace> =>
  deps.lock.withLock(
    `workspace:${name}`,
    pipe(
      refuseTakenName(settings, name, dataProductId),
      TE.chain(() => step(`find workspace "${name}"`)(settings.directory.findByName(name))),
      TE.chain((found): TE.TaskEither<ProvisioningError, ResolvedWorkspace> => {
        const [first, ...others] = found;
        if (first !== undefined && others.length > 0)
          return TE.left(
            stateConflict(
              `find workspace "${name}"`,
              `${found.length} Airbyte workspaces are named "${name}" (${found.map((w) => w.id).join(', ')}): delete or rename all but one`,
              found.map((w) => w.id),
            ),
          );
        if (first !== undefined) {
          journal.info(`Using Airbyte workspace "${name}" (${first.id})`, phase);
          return TE.right({ _tag: 'Found', workspace: first, created: false });
        }
        if (access === 'lookup') {
          journal.info(`Airbyte workspace "${name}" does not exist yet`, phase);
          return TE.right({ _tag: 'Missing', name });
        }
        return pipe(
          step(`create workspace "${name}"`)(settings.directory.create(name, settings.organizationId)),
          TE.map((workspace): ResolvedWorkspace => {
            journal.info(`Created Airbyte workspace "${name}" (${workspace.id})`, phase);
            return { _tag: 'Found', workspace, created: true };
          }),
        );
      }),
      // recorded while the lock is held: the next caller sees the owner along with the workspace
      TE.chainFirst((resolved) =>
        resolved._tag === 'Found'
          ? settings.owners.claim(name, { dataProductId, workspaceId: resolved.workspace.id })
          : TE.right(undefined),
      ),
    ),
    identity,
  );

/** The workspace of a component's operation (see the module header). */
export const resolveWorkspace = (
  deps: Pick<CoreDeps, 'lock' | 'deploymentRecords' | 'workspaces'>,
  journal: OperationJournal,
  component: ValidatedComponent,
  access: WorkspaceAccess,
): TE.TaskEither<ProvisioningError, ResolvedWorkspace> => {
  const settings = deps.workspaces;
  if (settings === undefined) return TE.right({ _tag: 'Shared' });
  return pipe(
    knownRecords(deps.deploymentRecords, 'ours-first')(component),
    TE.chain((records) => {
      const byName = (): TE.TaskEither<ProvisioningError, ResolvedWorkspace> =>
        pipe(
          TE.fromEither(
            pipe(workspaceNameOf(settings.template, component.dataProduct), E.mapLeft(invalidRequest)),
          ),
          TE.chain((name) => findOrCreate(deps, settings, journal, component.dataProduct.id, name, access)),
        );
      const recorded = records[0];
      if (recorded !== undefined && recorded.workspaceId !== '') {
        const name = recorded.workspaceName;
        return pipe(
          // a record (the platform's, too) never leads into another data product's workspace
          name === undefined
            ? TE.right<ProvisioningError, void>(undefined)
            : refuseTakenName(settings, name, component.dataProduct.id),
          TE.chain(() =>
            step(`read workspace ${recorded.workspaceId}`)(settings.directory.findById(recorded.workspaceId)),
          ),
          TE.chain(
            O.match(
              // deleted by hand since: the data product's workspace is looked up (or created) again
              () => {
                journal.warn(
                  `The Airbyte workspace recorded for this component (${recorded.workspaceId}) no longer exists`,
                  phase,
                );
                return byName();
              },
              () => {
                journal.info(
                  `Using the Airbyte workspace recorded for this component${name === undefined ? '' : ` "${name}"`} (${recorded.workspaceId})`,
                  phase,
                );
                return TE.right<ProvisioningError, ResolvedWorkspace>({
                  _tag: 'Recorded',
                  id: recorded.workspaceId,
                  ...(name === undefined ? {} : { name }),
                });
              },
            ),
          ),
        );
      }
      return byName();
    }),
  );
};

const noWorkspace = (): TE.TaskEither<AirbyteError, never> =>
  TE.left(airbyteUnavailable('the data product has no Airbyte workspace yet'));

/** A workspace that does not exist yet holds nothing: every lookup finds nothing, and nothing is written. */
export const absentWorkspaceGateway: AirbyteGateway = {
  checkWorkspace: noWorkspace,
  findActorById: () => TE.right(O.none),
  findActorsByName: () => TE.right([]),
  createActor: noWorkspace,
  updateActor: noWorkspace,
  deleteActor: () => TE.right(undefined),
  findConnectionById: () => TE.right(O.none),
  findConnectionsByName: () => TE.right([]),
  findConnectionsUsing: () => TE.right([]),
  createConnection: noWorkspace,
  updateConnection: noWorkspace,
  deleteConnection: () => TE.right(undefined),
  discoverStreams: noWorkspace,
  startSync: noWorkspace,
  getJob: noWorkspace,
  clearData: noWorkspace,
};

/** The id and, when known, the name of a resolved data product workspace. */
export const workspaceOf = (
  resolved: ResolvedWorkspace,
): { readonly id: string; readonly name?: string } | undefined => {
  switch (resolved._tag) {
    case 'Shared':
    case 'Missing':
      return undefined;
    case 'Recorded':
      return resolved.name === undefined ? { id: resolved.id } : { id: resolved.id, name: resolved.name };
    case 'Found':
      return resolved.workspace;
  }
};

/** The dependencies of an operation in that workspace: its id, its name, a gateway scoped to it. */
export const depsIn = (deps: CoreDeps, resolved: ResolvedWorkspace): CoreDeps => {
  const settings = deps.workspaces;
  if (settings === undefined || resolved._tag === 'Shared') return deps;
  if (resolved._tag === 'Missing')
    return { ...deps, gateway: absentWorkspaceGateway, gatewayFor: () => absentWorkspaceGateway };
  const workspace = workspaceOf(resolved);
  if (workspace === undefined) return deps;
  const gatewayFor = settings.gatewayIn(workspace.id);
  const { workspaceName: _previous, ...rest } = deps;
  return {
    ...rest,
    workspaceId: workspace.id,
    ...(workspace.name === undefined ? {} : { workspaceName: workspace.name }),
    gateway: gatewayFor(deps.logger),
    gatewayFor,
  };
};

/** Logs of the workspace steps first, then the operation's own. */
const prependLogs =
  (journal: OperationJournal) =>
  <R extends { readonly logs: OperationFailure['logs'] }>(result: R): R =>
    journal.logs.length === 0 ? result : { ...result, logs: [...journal.logs, ...result.logs] };

/**
 * Runs a component's operation in its workspace: resolved first (a failure to resolve is the operation's
 * failure, with nothing written), then `run` with the scoped dependencies. The workspace steps' logs lead
 * the result's (or the failure's) when `run` answers an `OperationResult`-like value.
 */
export const inComponentWorkspace =
  <A>(
    deps: CoreDeps,
    component: ValidatedComponent,
    access: WorkspaceAccess,
    run: (scoped: CoreDeps, resolved: ResolvedWorkspace) => TE.TaskEither<OperationFailure, A>,
    withLogs: (journal: OperationJournal) => (result: A) => A = () => (result) => result,
  ): TE.TaskEither<OperationFailure, A> =>
  () => {
    // one journal per run: the returned TaskEither may be run more than once
    const journal = new OperationJournal(deps.clock, deps.workspaceId);
    return pipe(
      resolveWorkspace(deps, journal, component, access),
      TE.mapLeft((error) => journal.failure(error, false)),
      TE.chain((resolved) =>
        pipe(run(depsIn(deps, resolved), resolved), TE.bimap(prependLogs(journal), withLogs(journal))),
      ),
    )();
  };

/** For operations that answer an `OperationResult`: the workspace steps' logs lead its own. */
export const withWorkspaceLogs =
  (journal: OperationJournal) =>
  (result: OperationResult): OperationResult =>
    prependLogs(journal)(result);
