/**
 * updateacl's ledger in PostgreSQL: shared by every replica and kept across restarts, so a grant this
 * provisioner made is still known to be its own (and revocable) after a restart or on another replica.
 *
 * The ledger alone does not make two updateacl runs safe together: one component's revoke decision reads
 * the entries of the others. Runs on one workspace are serialized by the use case's lock keyed by the
 * workspace (`acl:<workspaceId>`), which with `DATABASE_URL` is the lease shared by every replica.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { AclGrant, AclLedger, ProvisioningError, WorkspaceRole } from '@airbyte-provisioner/core';
import type pg from 'pg';
import { runQuery } from './postgres-query.js';

interface GrantRow {
  readonly component_id: string;
  readonly permission_id: string;
  readonly principal_kind: 'user' | 'group';
  readonly principal_id: string;
  readonly ref: string;
  readonly workspace_id: string;
  readonly role: WorkspaceRole;
  readonly made: boolean;
}

const COLUMNS = 'component_id, permission_id, principal_kind, principal_id, ref, workspace_id, role, made';

const grantOf = (row: GrantRow): AclGrant => ({
  componentId: row.component_id,
  principal: { kind: row.principal_kind, id: row.principal_id },
  ref: row.ref,
  workspaceId: row.workspace_id,
  role: row.role,
  permissionId: row.permission_id,
  made: row.made,
});

export class PostgresAclLedger implements AclLedger {
  constructor(private readonly pool: pg.Pool) {}

  private select(
    doing: string,
    where: string,
    key: string,
  ): TE.TaskEither<ProvisioningError, ReadonlyArray<AclGrant>> {
    return pipe(
      runQuery<GrantRow>(this.pool, doing, {
        text: `SELECT ${COLUMNS} FROM provisioner_acl_grants WHERE ${where} = $1 ORDER BY component_id, permission_id`,
        values: [key],
      }),
      TE.map(({ rows }) => rows.map(grantOf)),
    );
  }

  readonly grantsOf = (componentId: string): TE.TaskEither<ProvisioningError, ReadonlyArray<AclGrant>> =>
    this.select("read a component's access grants", 'component_id', componentId);

  readonly grantsFor = (permissionId: string): TE.TaskEither<ProvisioningError, ReadonlyArray<AclGrant>> =>
    this.select('read who relies on a permission', 'permission_id', permissionId);

  readonly put = (grant: AclGrant): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      runQuery(this.pool, 'record an access grant', {
        text: `INSERT INTO provisioner_acl_grants (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (component_id, permission_id) DO UPDATE SET
           principal_kind = EXCLUDED.principal_kind, principal_id = EXCLUDED.principal_id,
           ref = EXCLUDED.ref, workspace_id = EXCLUDED.workspace_id, role = EXCLUDED.role,
           made = EXCLUDED.made, recorded_at = now()`,
        values: [
          grant.componentId,
          grant.permissionId,
          grant.principal.kind,
          grant.principal.id,
          grant.ref,
          grant.workspaceId,
          grant.role,
          grant.made,
        ],
      }),
      TE.asUnit,
    );

  readonly remove = (componentId: string, permissionId: string): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      runQuery(this.pool, 'forget an access grant', {
        text: 'DELETE FROM provisioner_acl_grants WHERE component_id = $1 AND permission_id = $2',
        values: [componentId, permissionId],
      }),
      TE.asUnit,
    );
}
