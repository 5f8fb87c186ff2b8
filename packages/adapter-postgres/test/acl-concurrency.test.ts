/**
 * updateacl on two replicas at once, for two components that need the same user on one workspace: one
 * drops the user while the other asks for it. Whichever replica goes first, the user ends up holding the
 * role, and the ledger's entry points at a permission Airbyte really holds. The runs are forced to overlap:
 * the first one stops inside its Airbyte calls until the second replica has been refused the workspace's
 * lease, so the second really runs while the first is half-way.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { makeUseCases, type AccessGateway, type AclLedger } from '@airbyte-provisioner/core';
import {
  FakeAccessGateway,
  makeTestDeps,
  witboostExampleDescriptor,
} from '@airbyte-provisioner/core/testing';
import type pg from 'pg';
import { PostgresAclLedger } from '../src/postgres-acl-ledger.js';
import { PostgresLeaseLock } from '../src/postgres-lease-lock.js';
import { makePostgresPool } from '../src/postgres-pool.js';
import { migratedDatabase, type MigratedDatabase } from './support/migrated-database.js';

const COMPONENT = 'urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload';
const A = COMPONENT;
const B = `${COMPONENT}-b`;
const JOHN = 'user:john.doe_example.com';

const requestFor = (componentId: string, refs: ReadonlyArray<string>) => ({
  refs: [...refs],
  provisionInfo: { request: witboostExampleDescriptor.replaceAll(COMPONENT, componentId) },
});

/** A promise and the function that settles it. */
const signal = () => {
  let fire: () => void = () => undefined;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fired, fire };
};

/** The access gateway whose first read says it has begun (`reached`), then waits for `until`. */
const pausedOnce = (gateway: AccessGateway, reached: () => void, until: Promise<void>): AccessGateway => {
  let paused = false;
  return {
    ...gateway,
    permissionsOf: (principal, organizationId) => async () => {
      if (!paused) {
        paused = true;
        reached();
        await until;
      }
      return gateway.permissionsOf(principal, organizationId)();
    },
  };
};

describe('updateacl on two replicas, two components sharing a user (PostgreSQL ledger and leases)', () => {
  let db: MigratedDatabase;
  const pools: pg.Pool[] = [];
  before(async () => {
    db = await migratedDatabase();
  });
  after(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.close();
  });
  beforeEach(async () => {
    await db.empty();
  });

  /** One replica: its own pool, lease lock and ledger over the shared database; the shared Airbyte. */
  const replica = (
    owner: string,
    airbyte: AccessGateway,
    onRefused?: (key: string) => void,
  ): { useCases: ReturnType<typeof makeUseCases>; ledger: AclLedger } => {
    const pool = makePostgresPool({ connectionString: db.database.url, max: 3 });
    pools.push(pool);
    const ledger = new PostgresAclLedger(pool);
    const deps = makeTestDeps();
    const lock = new PostgresLeaseLock(pool, {
      owner,
      ttlMs: 30_000,
      pollMs: 5,
      ...(onRefused === undefined ? {} : { onRefused }),
    });
    const useCases = makeUseCases({
      ...deps,
      workspaceId: 'ws-1',
      lock,
      access: { gateway: airbyte, ledger, organizationId: 'org-1', role: 'workspace_reader' },
    });
    return { useCases, ledger };
  };

  for (const first of ['dropping', 'asking'] as const) {
    it(`keeps the user's access when the component ${first} goes first`, async () => {
      const airbyte = new FakeAccessGateway();
      const john = airbyte.addUser('john.doe@example.com');
      // A already relies on a grant this provisioner made for it
      const setup = replica('replica-0', airbyte);
      expect(E.isRight(await setup.useCases.updateAcl(requestFor(A, [JOHN]))())).to.equal(true);
      const [granted] = airbyte.permissions;

      const inside = signal();
      const refused = signal();
      const firstGateway = pausedOnce(airbyte, inside.fire, refused.fired);
      const one = replica('replica-1', firstGateway);
      const two = replica('replica-2', airbyte, (key) => {
        if (key === 'acl:ws-1') refused.fire();
      });
      const drop = (r: typeof one) => r.useCases.updateAcl(requestFor(A, []));
      const ask = (r: typeof one) => r.useCases.updateAcl(requestFor(B, [JOHN]));
      // the first run holds the lease and waits inside it until the second has been refused it
      const firstRun = (first === 'dropping' ? drop(one) : ask(one))();
      await inside.fired;
      const secondRun = (first === 'dropping' ? ask(two) : drop(two))();
      const outcomes = await Promise.all([firstRun, secondRun]);
      expect(
        outcomes.map((o) => o._tag),
        JSON.stringify(outcomes),
      ).to.deep.equal(['Right', 'Right']);

      const held = airbyte.permissions.filter((p) => p.principal.id === john.id && p.workspaceId === 'ws-1');
      expect(held.map((p) => p.permissionType)).to.deep.equal(['workspace_reader']);
      const ledger = await pipe(
        two.ledger.grantsOf(B),
        TE.map((gs) => gs.map((g) => g.permissionId)),
      )();
      expect(ledger).to.deep.equal(E.right(held.map((p) => p.id)));
      expect(await one.ledger.grantsOf(A)()).to.deep.equal(E.right([]));
      // the second run found the first one's outcome: the grant kept (asking first) or a new one made
      expect(held[0]?.id === granted?.id).to.equal(first === 'asking');
    });
  }
});
