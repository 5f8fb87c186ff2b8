/** Resource ownership in PostgreSQL: shared by every replica, kept across restarts. */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  ownedElsewhere,
  type OwnedResource,
  type OwnershipRegistry,
  type ProvisioningError,
  type ResourceOwner,
} from '@airbyte-provisioner/core';
import type pg from 'pg';
import { databaseError } from './postgres-errors.js';
import { inTransaction } from './postgres-pool.js';
import { runQuery } from './postgres-query.js';

interface OwnerRow {
  readonly resource_id: string;
  readonly kind: OwnedResource['kind'];
  readonly name: string;
  readonly component_id: string;
}

const ownerOf = (row: OwnerRow): ResourceOwner => ({
  componentId: row.component_id,
  resource: { kind: row.kind, id: row.resource_id, name: row.name },
});

export class PostgresOwnershipRegistry implements OwnershipRegistry {
  constructor(private readonly pool: pg.Pool) {}

  readonly ownersOf = (
    ids: ReadonlyArray<string>,
  ): TE.TaskEither<ProvisioningError, ReadonlyArray<ResourceOwner>> =>
    ids.length === 0
      ? TE.right([])
      : pipe(
          runQuery<OwnerRow>(this.pool, 'read resource owners', {
            name: 'owners: read',
            text: 'SELECT resource_id, kind, name, component_id FROM provisioner_resource_owners WHERE resource_id = ANY($1)',
            values: [[...ids]],
          }),
          TE.map(({ rows }) => rows.map(ownerOf)),
        );

  readonly claim = (
    componentId: string,
    resources: ReadonlyArray<OwnedResource>,
  ): TE.TaskEither<ProvisioningError, void> =>
    resources.length === 0
      ? TE.right(undefined)
      : pipe(
          TE.tryCatch(
            () =>
              inTransaction(this.pool, async (client): Promise<E.Either<ProvisioningError, void>> => {
                // a row of another component is left as it is and not returned: all or none is claimed
                const { rows } = await client.query<{ resource_id: string }>({
                  name: 'owners: claim',
                  text: `INSERT INTO provisioner_resource_owners (resource_id, kind, name, component_id)
                   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
                   ON CONFLICT (resource_id) DO UPDATE SET name = EXCLUDED.name
                   WHERE provisioner_resource_owners.component_id = EXCLUDED.component_id
                   RETURNING resource_id`,
                  values: [
                    resources.map((r) => r.id),
                    resources.map((r) => r.kind),
                    resources.map((r) => r.name),
                    resources.map(() => componentId),
                  ],
                });
                const claimed = new Set(rows.map((r) => r.resource_id));
                const clash = resources.find((r) => !claimed.has(r.id));
                if (clash === undefined) return E.right(undefined);
                const owner = await client.query<OwnerRow>(
                  'SELECT resource_id, kind, name, component_id FROM provisioner_resource_owners WHERE resource_id = $1',
                  [clash.id],
                );
                const row = owner.rows[0];
                throw new ClaimRefused(
                  ownedElsewhere(
                    componentId,
                    row === undefined ? { componentId: '(unknown)', resource: clash } : ownerOf(row),
                  ),
                );
              }),
            (error) =>
              error instanceof ClaimRefused ? error.error : databaseError('claim resources')(error),
          ),
          TE.chainEitherK((outcome) => outcome),
        );

  readonly release = (
    componentId: string,
    ids: ReadonlyArray<string>,
  ): TE.TaskEither<ProvisioningError, void> =>
    ids.length === 0
      ? TE.right(undefined)
      : pipe(
          runQuery(this.pool, 'release resources', {
            text: 'DELETE FROM provisioner_resource_owners WHERE component_id = $1 AND resource_id = ANY($2)',
            values: [componentId, [...ids]],
          }),
          TE.asUnit,
        );
}

/** Thrown inside the transaction so that it rolls back; carries the conflict out. */
class ClaimRefused extends Error {
  constructor(readonly error: ProvisioningError) {
    super('claim refused');
  }
}
