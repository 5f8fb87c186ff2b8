/** What only the PostgreSQL stores promise: state across restarts, purge, leases across replicas, outages. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { FakeAirbyteGateway } from '@airbyte-provisioner/core/testing';
import { PostgresAclLedger } from '../src/postgres-acl-ledger.js';
import { makePostgresPool } from '../src/postgres-pool.js';
import { fencedGateway, PostgresLeaseLock } from '../src/postgres-lease-lock.js';
import { PostgresTaskRepository } from '../src/postgres-task-repository.js';
import { migratedDatabase, type MigratedDatabase } from './support/migrated-database.js';

describe('PostgreSQL stores beyond the contracts', () => {
  let db: MigratedDatabase;
  before(async () => {
    db = await migratedDatabase();
  });
  after(async () => {
    await db.close();
  });
  beforeEach(() => db.empty());

  const tasksOf = (pool = db.pool, owner = 'replica-1') =>
    new PostgresTaskRepository<{ readonly n: number }>(pool, { kind: 'provisioning', ttlMs: 60_000, owner });

  it('reads a finished task from another pool (a restarted or another replica)', async () => {
    await tasksOf().create('t1')();
    await tasksOf().complete('t1', { n: 7 })();
    const other = makePostgresPool({ connectionString: db.database.url });
    try {
      expect(await tasksOf(other, 'replica-2').get('t1')()).to.deep.equal(
        E.right({ status: 'COMPLETED', value: { n: 7 } }),
      );
    } finally {
      await other.end();
    }
  });

  it('shows the progress only its owner publishes: a replica whose task was taken over writes nothing', async () => {
    const line = (message: string) => ({
      timestamp: '2026-01-01T00:00:00.000Z',
      level: 'INFO' as const,
      message,
    });
    await tasksOf().create('t1')();
    await tasksOf().progress('t1', [line('from the first replica')])();
    // another replica takes the task over (postgres-task-supervisor claims it this way)
    await db.pool.query("UPDATE provisioner_tasks SET owner = 'replica-2' WHERE token = 't1'");
    expect(await tasksOf().progress('t1', [line('stale')])()).to.deep.equal(E.right(undefined));
    await tasksOf(db.pool, 'replica-2').progress('t1', [line('from the new owner')])();
    expect(await tasksOf().get('t1')()).to.deep.equal(
      E.right({ status: 'RUNNING', logs: [line('from the new owner')] }),
    );
    await tasksOf(db.pool, 'replica-2').complete('t1', { n: 1 })();
    const { rows } = await db.pool.query<{ progress: unknown }>(
      "SELECT progress FROM provisioner_tasks WHERE token = 't1'",
    );
    expect(rows).to.deep.equal([{ progress: null }]);
  });

  it('keeps provisioning and validation tasks apart', async () => {
    await tasksOf().create('t1')();
    const validation = new PostgresTaskRepository(db.pool, { kind: 'validation', ttlMs: 1000, owner: 'r' });
    expect(await validation.get('t1')()).to.deep.equal(E.left({ _tag: 'UnknownTask', token: 't1' }));
  });

  it('purges the finished tasks past their time, and only those', async () => {
    const tasks = tasksOf();
    await tasks.create('old')();
    await tasks.complete('old', { n: 1 })();
    await tasks.create('new')();
    await tasks.complete('new', { n: 2 })();
    await tasks.create('running')();
    await db.pool.query(
      "UPDATE provisioner_tasks SET expires_at = now() - interval '1 second' WHERE token = 'old'",
    );
    expect(await tasks.purgeExpired()()).to.deep.equal(E.right(1));
    const { rows } = await db.pool.query<{ token: string }>(
      'SELECT token FROM provisioner_tasks ORDER BY token',
    );
    expect(rows.map((r) => r.token)).to.deep.equal(['new', 'running']);
  });

  it('answers StateUnavailable, not a crash, when the database cannot be reached', async () => {
    const nowhere = makePostgresPool({
      connectionString: 'postgres://x:y@127.0.0.1:1/none',
      connectTimeoutMs: 500,
    });
    try {
      const read = await tasksOf(nowhere).get('t1')();
      expect(E.isLeft(read) && read.left._tag).to.equal('StateUnavailable');
      expect(JSON.stringify(read)).to.not.contain('x:y');
      // updateacl's ledger too: its failure is the operation's, retried later, never a half-made change
      const ledger = new PostgresAclLedger(nowhere);
      for (const outcome of [await ledger.grantsOf('A')(), await ledger.remove('A', 'p-1')()]) {
        expect(E.isLeft(outcome) && outcome.left._tag).to.equal('StateUnavailable');
        expect(JSON.stringify(outcome)).to.not.contain('x:y');
      }
    } finally {
      await nowhere.end();
    }
  });

  it('records the end of a task once the database answers again, however long it was out of reach', async () => {
    await tasksOf().create('t1')();
    // the pool fails as an unreachable server does for the first three queries, then reaches the database
    let refusals = 3;
    const flaky = {
      query: (...args: Parameters<typeof db.pool.query>) => {
        if (refusals > 0) {
          refusals -= 1;
          return Promise.reject(
            Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
          );
        }
        return db.pool.query(...args);
      },
    } as unknown as typeof db.pool;
    const deferred: string[] = [];
    const tasks = new PostgresTaskRepository<{ readonly n: number }>(flaky, {
      kind: 'provisioning',
      ttlMs: 60_000,
      owner: 'replica-1',
      onFinishDeferred: (token, reason) => deferred.push(`${token}: ${reason}`),
      finishRetryMs: { first: 1, most: 2 },
    });
    expect(await tasks.complete('t1', { n: 3 })()).to.deep.equal(E.right(undefined));
    expect(refusals).to.equal(0);
    // told once, not at every attempt
    expect(deferred).to.deep.equal([
      't1: the database cannot be reached (finish a task): connect ECONNREFUSED 127.0.0.1:1',
    ]);
    expect(await tasksOf().get('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 3 } }));
  });

  it('does not retry recording the end of a task for a failure other than the database out of reach', async () => {
    await tasksOf().create('t1')();
    await tasksOf().complete('t1', { n: 1 })();
    const deferred: string[] = [];
    const tasks = new PostgresTaskRepository<{ readonly n: number }>(db.pool, {
      kind: 'provisioning',
      ttlMs: 60_000,
      owner: 'replica-1',
      onFinishDeferred: (token) => deferred.push(token),
    });
    const again = await tasks.fail('t1', { error: { _tag: 'Internal', message: 'late' }, logs: [] })();
    expect(E.isLeft(again) && again.left).to.deep.equal({
      _tag: 'Internal',
      message: 'task t1 has already finished; it is not rewritten',
    });
    expect(deferred).to.deep.equal([]);
  });

  it('takes over an expired lease with a higher fencing number; the old holder finds it lost and its gateway refuses to call Airbyte', async () => {
    const gateway = new FakeAirbyteGateway();
    const first = new PostgresLeaseLock(db.pool, { owner: 'replica-1', ttlMs: 60_000, pollMs: 10 });
    const second = new PostgresLeaseLock(db.pool, { owner: 'replica-2', ttlMs: 60_000, pollMs: 10 });
    let resume: () => void = () => {};
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let holding: () => void = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const fenced = fencedGateway(gateway, first);
    const firstRun = first.withLock(
      'c1',
      async () => {
        holding();
        await paused;
        return E.right({ lost: first.lost(), call: await fenced.checkWorkspace()() });
      },
      (error) => error._tag,
    )();
    await held;
    // replica-1 stalls (a long GC pause, a network partition) past its lease
    await db.pool.query("UPDATE provisioner_leases SET expires_at = now() - interval '1 second'");
    const secondRun = await second.withLock(
      'c1',
      () =>
        db.pool
          .query<{ owner: string; fencing: string }>('SELECT owner, fencing FROM provisioner_leases')
          .then(({ rows }) => E.right(rows)),
      (error) => error._tag,
    )();
    expect(secondRun).to.deep.equal(E.right([{ owner: 'replica-2', fencing: '2' }]));
    // replica-1's next renewal finds the row taken
    await first.renewAll();
    gateway.resetCalls();
    resume();
    const outcome = await firstRun;
    expect(E.isRight(outcome) && outcome.right.lost).to.equal(
      'another replica took over the lease on component c1',
    );
    expect(E.isRight(outcome) && outcome.right.call).to.deep.equal(
      E.left({
        _tag: 'AirbyteUnavailable',
        detail: 'another replica took over the lease on component c1; stopped before calling Airbyte again',
      }),
    );
    expect(gateway.counts().reads + gateway.counts().writes).to.equal(0);
  });

  it('gives the work a StateUnavailable failure when the lease cannot be taken', async () => {
    const nowhere = makePostgresPool({
      connectionString: 'postgres://x:y@127.0.0.1:1/none',
      connectTimeoutMs: 200,
    });
    try {
      const lock = new PostgresLeaseLock(nowhere, {
        owner: 'r',
        ttlMs: 1000,
        pollMs: 10,
        unavailableForMs: 0,
      });
      const outcome = await lock.withLock('c1', TE.right('ran'), (error) => error._tag)();
      expect(outcome).to.deep.equal(E.left('StateUnavailable'));
    } finally {
      await nowhere.end();
    }
  });
});
