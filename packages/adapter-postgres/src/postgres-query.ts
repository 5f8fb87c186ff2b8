/**
 * One statement on the pool, a failure turned into the port's error by `databaseError(doing)`: how every
 * store of this package reads and writes outside a transaction.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { ProvisioningError } from '@airbyte-provisioner/core';
import type pg from 'pg';
import { databaseError } from './postgres-errors.js';

export const runQuery = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  pool: pg.Pool,
  doing: string,
  query: pg.QueryConfig,
): TE.TaskEither<ProvisioningError, pg.QueryResult<R>> =>
  TE.tryCatch(() => pool.query<R>(query), databaseError(doing));
