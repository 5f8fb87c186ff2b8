/** Workspace name owners in PostgreSQL: every replica refuses a name another data product owns. */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  workspaceNameTaken,
  type ProvisioningError,
  type WorkspaceOwner,
  type WorkspaceOwnerRegistry,
} from '@airbyte-provisioner/core';
import type pg from 'pg';
import { runQuery } from './postgres-query.js';

interface OwnerRow {
  readonly data_product_id: string;
  readonly workspace_id: string;
}

const ownerOf = (row: OwnerRow): WorkspaceOwner => ({
  dataProductId: row.data_product_id,
  workspaceId: row.workspace_id,
});

export class PostgresWorkspaceOwnerRegistry implements WorkspaceOwnerRegistry {
  constructor(private readonly pool: pg.Pool) {}

  readonly ownerOf = (name: string): TE.TaskEither<ProvisioningError, O.Option<WorkspaceOwner>> =>
    pipe(
      runQuery<OwnerRow>(this.pool, 'read a workspace owner', {
        text: 'SELECT data_product_id, workspace_id FROM provisioner_workspace_owners WHERE workspace_name = $1',
        values: [name],
      }),
      TE.map(({ rows }) => O.map(ownerOf)(O.fromNullable(rows[0]))),
    );

  /** One statement: the row is written only when the name is free or already this data product's. */
  readonly claim = (name: string, owner: WorkspaceOwner): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      runQuery<OwnerRow & { readonly claimed: boolean }>(this.pool, 'claim a workspace name', {
        text: `WITH claimed AS (
           INSERT INTO provisioner_workspace_owners (workspace_name, data_product_id, workspace_id)
           VALUES ($1, $2, $3)
           ON CONFLICT (workspace_name) DO UPDATE SET workspace_id = EXCLUDED.workspace_id
           WHERE provisioner_workspace_owners.data_product_id = EXCLUDED.data_product_id
           RETURNING data_product_id, workspace_id
         )
         SELECT data_product_id, workspace_id, true AS claimed FROM claimed
         UNION ALL
         SELECT data_product_id, workspace_id, false AS claimed FROM provisioner_workspace_owners
         WHERE workspace_name = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
        values: [name, owner.dataProductId, owner.workspaceId],
      }),
      TE.chainEitherK(({ rows }) => {
        const row = rows[0];
        if (row === undefined || row.claimed) return E.right(undefined);
        return E.left(workspaceNameTaken(name, owner.dataProductId, ownerOf(row)));
      }),
    );

  readonly release = (name: string): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      runQuery(this.pool, 'release a workspace name', {
        text: 'DELETE FROM provisioner_workspace_owners WHERE workspace_name = $1',
        values: [name],
      }),
      TE.asUnit,
    );
}
