/** The core's in-memory stores against the ports' contracts (the PostgreSQL ones run the same suites). */
import {
  InMemoryAclLedger,
  InMemoryDeploymentRecordRepository,
  InMemoryLock,
  InMemoryOwnershipRegistry,
  InMemoryTaskRepository,
  InMemoryWorkspaceOwnerRegistry,
} from '@airbyte-provisioner/core';
import { manualClock } from '@airbyte-provisioner/core/testing';
import { aclLedgerContract } from './contracts/acl-ledger.contract.js';
import { deploymentRecordContract } from './contracts/deployment-record-repository.contract.js';
import { lockContract } from './contracts/lock.contract.js';
import { ownershipContract } from './contracts/ownership-registry.contract.js';
import { taskRepositoryContract } from './contracts/task-repository.contract.js';
import { workspaceOwnersContract } from './contracts/workspace-owner-registry.contract.js';

const nothing = (): Promise<void> => Promise.resolve();
const TTL_MS = 60_000;

describe('in-memory stores', () => {
  taskRepositoryContract('InMemoryTaskRepository', () => {
    const clock = manualClock();
    return Promise.resolve({
      tasks: new InMemoryTaskRepository<{ readonly n: number }>(clock, { ttlMs: TTL_MS, maxTasks: 1000 }),
      expireFinished: () => {
        clock.advance(TTL_MS + 1);
        return Promise.resolve();
      },
      close: nothing,
    });
  });

  lockContract('InMemoryLock', () => {
    const lock = new InMemoryLock();
    return Promise.resolve({
      first: lock,
      second: lock,
      // a second holder queues at once, in the same tick
      secondWaits: async () => {
        for (let i = 0; i < 10; i++) await Promise.resolve();
      },
      close: nothing,
    });
  });

  deploymentRecordContract('InMemoryDeploymentRecordRepository', () =>
    Promise.resolve({ records: new InMemoryDeploymentRecordRepository(), close: nothing }),
  );

  ownershipContract('InMemoryOwnershipRegistry', () =>
    Promise.resolve({ ownership: new InMemoryOwnershipRegistry(), close: nothing }),
  );

  workspaceOwnersContract('InMemoryWorkspaceOwnerRegistry', () =>
    Promise.resolve({ owners: new InMemoryWorkspaceOwnerRegistry(), close: nothing }),
  );

  aclLedgerContract('InMemoryAclLedger', () =>
    Promise.resolve({ ledger: new InMemoryAclLedger(), close: nothing }),
  );
});
