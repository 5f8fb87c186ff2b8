/**
 * Airbyte's workspaces, for `AIRBYTE_WORKSPACE_MODE=per-data-product`: found by exact name (names are not
 * unique), created inside an organization, emptied ones deleted. Needs an application allowed to create
 * workspaces in the organization.
 */
import type { Option } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AirbyteWorkspace } from '../domain/workspace.js';
import type { AirbyteError } from '../errors/airbyte-error.js';

export interface WorkspaceDirectory {
  /** Every live workspace the caller reaches with exactly this name, across all pages. */
  readonly findByName: (name: string) => TaskEither<AirbyteError, ReadonlyArray<AirbyteWorkspace>>;
  readonly findById: (id: string) => TaskEither<AirbyteError, Option<AirbyteWorkspace>>;
  /** Creates a workspace, inside the organization when one is given. */
  readonly create: (
    name: string,
    organizationId: string | undefined,
  ) => TaskEither<AirbyteError, AirbyteWorkspace>;
  /** Whether the workspace holds any live source, destination or connection. */
  readonly holdsAnything: (id: string) => TaskEither<AirbyteError, boolean>;
  /** Deleting an absent workspace succeeds. */
  readonly remove: (id: string) => TaskEither<AirbyteError, void>;
}
