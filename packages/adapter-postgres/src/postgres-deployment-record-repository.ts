/** Deployment records in PostgreSQL: every replica finds what any of them created. Decoded on read. */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  decodeWith,
  DeploymentRecordCodec,
  formatProblem,
  internal,
  type DeploymentRecord,
  type DeploymentRecordRepository,
  type ProvisioningError,
} from '@airbyte-provisioner/core';
import type pg from 'pg';
import { runQuery } from './postgres-query.js';

export class PostgresDeploymentRecordRepository implements DeploymentRecordRepository {
  constructor(private readonly pool: pg.Pool) {}

  readonly get = (componentId: string): TE.TaskEither<ProvisioningError, O.Option<DeploymentRecord>> =>
    pipe(
      runQuery<{ record: unknown }>(this.pool, 'read a deployment record', {
        name: 'records: read',
        text: 'SELECT record FROM provisioner_deployment_records WHERE component_id = $1',
        values: [componentId],
      }),
      TE.chainEitherK(({ rows }) => {
        const row = rows[0];
        if (row === undefined) return E.right(O.none);
        return pipe(
          decodeWith(DeploymentRecordCodec)(row.record),
          E.bimap(
            (problems) =>
              internal(
                `the deployment record of ${componentId} in the database is unreadable: ${problems.map(formatProblem).join('; ')}`,
              ),
            O.some,
          ),
        );
      }),
    );

  readonly put = (componentId: string, record: DeploymentRecord): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      runQuery(this.pool, 'save a deployment record', {
        name: 'records: save',
        text: `INSERT INTO provisioner_deployment_records (component_id, record) VALUES ($1, $2)
         ON CONFLICT (component_id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
        values: [componentId, JSON.stringify(record)],
      }),
      TE.asUnit,
    );

  readonly remove = (componentId: string): TE.TaskEither<ProvisioningError, void> =>
    pipe(
      runQuery(this.pool, 'remove a deployment record', {
        text: 'DELETE FROM provisioner_deployment_records WHERE component_id = $1',
        values: [componentId],
      }),
      TE.asUnit,
    );
}
