/**
 * After an unprovision in per-data-product mode: the data product's workspace stays, unless the request
 * asked to remove the data (`removeData: true`) and the workspace holds nothing else (no source,
 * destination or connection of any component); then it is deleted, and the logs say so. The configured
 * shared workspace is never deleted.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { identity, pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { LogEntry } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { workspaceOf, type ResolvedWorkspace } from './component-workspace.js';
import type { CoreDeps } from './core-deps.js';
import { step } from './locate.js';
import { OperationJournal } from './operation-journal.js';

export const retireWorkspace = (
  deps: CoreDeps,
  component: ValidatedComponent,
  resolved: ResolvedWorkspace,
  sharedWorkspaceId: string,
): TE.TaskEither<ProvisioningError, ReadonlyArray<LogEntry>> => {
  const settings = deps.workspaces;
  const workspace = workspaceOf(resolved);
  if (settings === undefined || workspace === undefined || workspace.id === sharedWorkspaceId)
    return TE.right([]);
  const journal = new OperationJournal(deps.clock, workspace.id);
  const label = `Airbyte workspace${workspace.name === undefined ? '' : ` "${workspace.name}"`} (${workspace.id})`;
  if (component.removeData !== true) {
    journal.info(`Kept ${label}: removeData was not asked for`, 'workspace');
    return TE.right(journal.logs);
  }
  const remove = pipe(
    step(`check what ${label} holds`)(settings.directory.holdsAnything(workspace.id)),
    TE.chain((holds) => {
      if (holds) {
        journal.info(`Kept ${label}: it still holds other resources`, 'workspace');
        return TE.right(undefined);
      }
      return pipe(
        step(`delete ${label}`)(settings.directory.remove(workspace.id)),
        TE.chain(() =>
          workspace.name === undefined ? TE.right(undefined) : settings.owners.release(workspace.name),
        ),
        TE.map(() => {
          journal.info(`Deleted ${label}: it held nothing else`, 'workspace');
          deps.logger.info(
            { componentId: component.componentId, workspaceId: workspace.id },
            `deleted ${label}, emptied by the unprovision of the data product's last component`,
          );
        }),
      );
    }),
    TE.map(() => journal.logs),
  );
  // under the name's lock: a first deploy of another component finds the workspace whole or not at all
  return workspace.name === undefined
    ? remove
    : deps.lock.withLock(`workspace:${workspace.name}`, remove, identity);
};
