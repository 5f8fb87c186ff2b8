import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { makeRequestCipher } from '../src/request-cipher.js';
import { PostgresTaskRepository } from '../src/postgres-task-repository.js';
import { PostgresTaskSupervisor, takeoversExhaustedMessage } from '../src/postgres-task-supervisor.js';
import { migratedDatabase, type MigratedDatabase } from './support/migrated-database.js';

const KEY = 'a-state-encryption-key-of-some-length';
const REQUEST = JSON.stringify({ descriptor: 'password: hunter2-in-a-descriptor' });

describe('request cipher (AES-256-GCM)', () => {
  it('opens what it sealed for the same token, and nothing else', () => {
    const cipher = makeRequestCipher(KEY);
    const sealed = cipher.seal('t1', REQUEST);
    expect(sealed.toString('latin1')).to.not.contain('hunter2');
    expect(cipher.open('t1', sealed)).to.equal(REQUEST);
    expect(cipher.open('t2', sealed), 'another token').to.equal(undefined);
    expect(makeRequestCipher(`${KEY}-other`).open('t1', sealed), 'another key').to.equal(undefined);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(cipher.open('t1', tampered), 'tampered').to.equal(undefined);
    expect(cipher.open('t1', Buffer.from([1, 2, 3])), 'truncated').to.equal(undefined);
  });

  it('seals the same request differently each time (fresh IV)', () => {
    const cipher = makeRequestCipher(KEY);
    expect(cipher.seal('t1', REQUEST).equals(cipher.seal('t1', REQUEST))).to.equal(false);
  });
});

describe('PostgresTaskSupervisor', () => {
  let db: MigratedDatabase;
  before(async () => {
    db = await migratedDatabase();
  });
  after(() => db.close());
  beforeEach(() => db.empty());

  const replica = (owner: string, withKey = true, maxTakeovers = 3) => ({
    tasks: new PostgresTaskRepository<{ readonly n: number }>(db.pool, {
      kind: 'provisioning',
      ttlMs: 60_000,
      owner,
    }),
    supervisor: new PostgresTaskSupervisor(db.pool, {
      owner,
      staleAfterMs: 60_000,
      ...(withKey ? { cipher: makeRequestCipher(KEY) } : {}),
      maxTakeovers,
    }),
  });
  const staleAll = () =>
    db.pool.query("UPDATE provisioner_tasks SET heartbeat_at = now() - interval '1 hour'");

  it('keeps the request sealed, never in clear, and hands a stale task with it to one other replica', async () => {
    const a = replica('replica-a');
    const b = replica('replica-b');
    const c = replica('replica-c');
    await a.tasks.create('t1')();
    await a.supervisor.keepRequest('t1', 'provision', REQUEST);
    const { rows } = await db.pool.query<{ dump: string }>(
      'SELECT row_to_json(t)::text AS dump FROM provisioner_tasks t',
    );
    expect(rows[0]?.dump).to.not.contain('hunter2');

    expect(await b.supervisor.claimStale(), 'a fresh heartbeat').to.equal(undefined);
    await staleAll();
    const [claimedB, claimedC] = await Promise.all([b.supervisor.claimStale(), c.supervisor.claimStale()]);
    const claims = [claimedB, claimedC].filter((x) => x !== undefined);
    expect(claims).to.deep.equal([
      { token: 't1', kind: 'provisioning', resume: { operation: 'provision', request: REQUEST } },
    ]);

    // the claimant finishes it; the replica that lost it cannot
    const winner = claimedB === undefined ? c : b;
    const lost = await a.tasks.complete('t1', { n: 1 })();
    expect(E.isLeft(lost) && lost.left).to.deep.equal({
      _tag: 'Internal',
      message: "task t1 was taken over by another replica; its outcome is that replica's to record",
    });
    expect(await winner.tasks.complete('t1', { n: 2 })()).to.deep.equal(E.right(undefined));
    expect(await a.tasks.get('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 2 } }));
  });

  it('keeps nothing without a key: a stale task is claimed with nothing to resume', async () => {
    const a = replica('replica-a', false);
    await a.tasks.create('t1')();
    await a.supervisor.keepRequest('t1', 'provision', REQUEST);
    const { rows } = await db.pool.query<{ request: Buffer | null }>('SELECT request FROM provisioner_tasks');
    expect(rows[0]?.request).to.equal(null);
    await staleAll();
    expect(await replica('replica-b', false).supervisor.claimStale()).to.deep.equal({
      token: 't1',
      kind: 'provisioning',
    });
  });

  it('heartbeats keep a running task from being taken; a hand-over at shutdown makes it stale at once', async () => {
    const a = replica('replica-a');
    const b = replica('replica-b');
    await a.tasks.create('t1')();
    await staleAll();
    await a.supervisor.heartbeat();
    expect(await b.supervisor.claimStale()).to.equal(undefined);
    await a.supervisor.handOver();
    expect((await b.supervisor.claimStale())?.token).to.equal('t1');
  });

  it('takes a task over at most maxTakeovers times (3 here), then gives it up to be failed', async () => {
    const a = replica('replica-a');
    await a.tasks.create('t1')();
    await a.supervisor.keepRequest('t1', 'provision', REQUEST);
    // each claimant stops in turn (its heartbeat goes stale): replicas b, c and d take it over
    for (const owner of ['replica-b', 'replica-c', 'replica-d']) {
      await staleAll();
      expect(await replica(owner).supervisor.claimStale(), owner).to.deep.equal({
        token: 't1',
        kind: 'provisioning',
        resume: { operation: 'provision', request: REQUEST },
      });
    }
    await staleAll();
    const e = replica('replica-e');
    expect(await e.supervisor.claimStale()).to.deep.equal({
      token: 't1',
      kind: 'provisioning',
      givenUp: takeoversExhaustedMessage(4, 3),
    });
    expect(takeoversExhaustedMessage(4, 3)).to.match(
      /^4 replicas in turn stopped while running this \(the first, then 3 takeovers: the most TASK_MAX_TAKEOVERS=3 allows\)/,
    );
    // the claimant owns it now, and is the one to fail it; nothing is claimed twice
    expect(await replica('replica-f').supervisor.claimStale()).to.equal(undefined);
    expect(
      E.isRight(await e.tasks.fail('t1', { error: { _tag: 'Internal', message: 'given up' }, logs: [] })()),
    ).to.equal(true);
  });

  it('with TASK_MAX_TAKEOVERS=0, gives a stale task up at its first claim', async () => {
    const a = replica('replica-a');
    await a.tasks.create('t1')();
    await a.supervisor.keepRequest('t1', 'provision', REQUEST);
    await staleAll();
    const claimed = await replica('replica-b', true, 0).supervisor.claimStale();
    expect(claimed?.givenUp).to.equal(takeoversExhaustedMessage(1, 0));
    expect(claimed?.givenUp).to.match(
      /^the replica running this stopped, and TASK_MAX_TAKEOVERS=0 allows no takeover/,
    );
    expect(claimed).to.not.have.property('resume');
  });
});
