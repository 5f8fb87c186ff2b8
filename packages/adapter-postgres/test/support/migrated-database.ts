/** One migrated database per test file, emptied before each test: cheaper than a database per test. */
import type pg from 'pg';
import { makePostgresPool } from '../../src/postgres-pool.js';
import { migrate } from '../../src/migrations/migrations.js';
import { freshDatabase, type TestDatabase } from '../../src/testing/index.js';

export interface MigratedDatabase {
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  /** Empties every table of the provisioner's state. */
  readonly empty: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export const migratedDatabase = async (): Promise<MigratedDatabase> => {
  const database = await freshDatabase();
  const pool = makePostgresPool({ connectionString: database.url });
  await migrate(pool);
  return {
    database,
    pool,
    empty: async () => {
      await pool.query(
        'TRUNCATE provisioner_tasks, provisioner_leases, provisioner_deployment_records, provisioner_resource_owners, provisioner_acl_grants, provisioner_workspace_owners',
      );
    },
    close: async () => {
      await pool.end();
      await database.drop();
    },
  };
};
