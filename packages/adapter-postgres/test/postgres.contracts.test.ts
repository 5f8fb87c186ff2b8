/** The PostgreSQL stores against the ports' contracts, on a real server (test/support). */
import { aclLedgerContract } from './contracts/acl-ledger.contract.js';
import { deploymentRecordContract } from './contracts/deployment-record-repository.contract.js';
import { lockContract } from './contracts/lock.contract.js';
import { ownershipContract } from './contracts/ownership-registry.contract.js';
import { taskRepositoryContract } from './contracts/task-repository.contract.js';
import { PostgresAclLedger } from '../src/postgres-acl-ledger.js';
import { PostgresDeploymentRecordRepository } from '../src/postgres-deployment-record-repository.js';
import { PostgresLeaseLock } from '../src/postgres-lease-lock.js';
import { PostgresOwnershipRegistry } from '../src/postgres-ownership-registry.js';
import { PostgresTaskRepository } from '../src/postgres-task-repository.js';
import { PostgresWorkspaceOwnerRegistry } from '../src/postgres-workspace-owner-registry.js';
import { workspaceOwnersContract } from './contracts/workspace-owner-registry.contract.js';
import { migratedDatabase, type MigratedDatabase } from './support/migrated-database.js';

const nothing = (): Promise<void> => Promise.resolve();

describe('PostgreSQL stores', () => {
  let db: MigratedDatabase;
  before(async () => {
    db = await migratedDatabase();
  });
  after(async () => {
    await db.close();
  });
  const fresh = async (): Promise<MigratedDatabase> => {
    await db.empty();
    return db;
  };

  taskRepositoryContract('PostgresTaskRepository', async () => {
    const { pool } = await fresh();
    return {
      tasks: new PostgresTaskRepository<{ readonly n: number }>(pool, {
        kind: 'provisioning',
        ttlMs: 60_000,
        owner: 'replica-1',
      }),
      expireFinished: async () => {
        await pool.query(
          "UPDATE provisioner_tasks SET expires_at = now() - interval '1 second' WHERE expires_at IS NOT NULL",
        );
      },
      close: nothing,
    };
  });

  lockContract('PostgresLeaseLock, two replicas', async () => {
    const { pool } = await fresh();
    const refused = new Map<string, () => void>();
    const waits = new Map<string, Promise<void>>();
    const secondWaits = (key: string): Promise<void> => {
      let promise = waits.get(key);
      if (promise === undefined) {
        promise = new Promise<void>((resolve) => refused.set(key, resolve));
        waits.set(key, promise);
      }
      return promise;
    };
    return {
      first: new PostgresLeaseLock(pool, { owner: 'replica-1', ttlMs: 30_000, pollMs: 10 }),
      second: new PostgresLeaseLock(pool, {
        owner: 'replica-2',
        ttlMs: 30_000,
        pollMs: 10,
        onRefused: (key) => {
          void secondWaits(key);
          refused.get(key)?.();
        },
      }),
      secondWaits,
      close: nothing,
    };
  });

  deploymentRecordContract('PostgresDeploymentRecordRepository', async () => {
    const { pool } = await fresh();
    return { records: new PostgresDeploymentRecordRepository(pool), close: nothing };
  });

  ownershipContract('PostgresOwnershipRegistry', async () => {
    const { pool } = await fresh();
    return { ownership: new PostgresOwnershipRegistry(pool), close: nothing };
  });

  workspaceOwnersContract('PostgresWorkspaceOwnerRegistry', async () => {
    const { pool } = await fresh();
    return { owners: new PostgresWorkspaceOwnerRegistry(pool), close: nothing };
  });

  aclLedgerContract('PostgresAclLedger', async () => {
    const { pool } = await fresh();
    return { ledger: new PostgresAclLedger(pool), close: nothing };
  });
});
