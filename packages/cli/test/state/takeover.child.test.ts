/**
 * Crash takeover, as deployed: `serve` processes on one database and the sandbox Airbyte. The replica
 * running a deploy is killed (-9) while a source creation is in flight; another notices the stale
 * heartbeat, runs the deploy again under the same token, and the token polled on it ends COMPLETED with one
 * source, one destination and one connection. Without STATE_ENCRYPTION_KEY the token ends FAILED instead,
 * saying to send the request again; with it, the stored request is never in clear. Replicas killed in turn
 * under one task take it over at most TASK_MAX_TAKEOVERS times: the next one ends it FAILED, unrun.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { freshDatabase, type TestDatabase } from '@airbyte-provisioner/adapter-postgres/testing';
import {
  finalStatus,
  holdSourceCreations,
  inFlight,
  killServeChildren,
  query,
  sandboxEnv,
  serveReplica,
  sourceCreationsInFlight,
  taskRows,
  type ServedChild,
} from '../support/serve-child.js';
import { namesOf, requestOf } from '../reliability/descriptors.js';
import { LEGACY, pollStatus, send, tokenOf } from '../reliability/harness.js';

const KEY = 'takeover-test-state-encryption-key';
const FILE_PASSWORD = 'crash-f1le-pa55word';
const request = requestOf({ key: 'crash', providerExtra: `              password: ${FILE_PASSWORD}\n` });

describe('crash takeover (serve processes, kill -9)', function () {
  this.timeout(90_000);
  let sandbox: AirbyteSandbox;
  let database: TestDatabase;

  beforeEach(async () => {
    sandbox = await startAirbyteSandbox({ host: '127.0.0.1', jobDurationMs: 10 });
    database = await freshDatabase();
  });
  afterEach(async () => {
    killServeChildren();
    await sandbox.close();
    await database.drop();
  });

  /** A replica on this sandbox and database, with a one-second lease (and `env`). */
  const serve = (env: Record<string, string>): Promise<ServedChild> =>
    serveReplica(sandbox, database, { LEASE_TTL_SECONDS: '1', ...env });

  const kill9 = async (replica: ServedChild): Promise<void> => {
    replica.child.process.kill('SIGKILL');
    await replica.child.exited;
  };

  const killMidDeploy = async (env: Record<string, string>) => {
    const [a, b] = await Promise.all([serve(env), serve(env)]);
    // the first source creation hangs: replica A is killed with it in flight
    holdSourceCreations(sandbox, 1);
    const submitted = await send(`${a.base}${LEGACY}/provision`, { body: request });
    expect(submitted.status, submitted.text).to.equal(202);
    const token = tokenOf(submitted);
    await sourceCreationsInFlight(sandbox);
    // what the database holds for the running task: the request sealed (with a key) or nothing, never in clear
    const rows = await taskRows(database.url);
    await kill9(a);
    return { b, token, rows };
  };

  it('runs the deploy again on the other replica under the same token: RUNNING, then COMPLETED', async () => {
    const { b, token, rows } = await killMidDeploy({ STATE_ENCRYPTION_KEY: KEY });
    expect(rows).to.match(/"request":"\\\\x01/);
    expect(rows).to.not.contain(FILE_PASSWORD);
    expect(rows).to.not.contain('vaccinations');
    const status = await finalStatus(b.base, token);
    expect(status['status'], JSON.stringify(status)).to.equal('COMPLETED');
    expect(status['seen']).to.deep.equal(['RUNNING', 'COMPLETED']);
    const names = namesOf('crash');
    const snapshot = sandbox.snapshot();
    expect(snapshot.connections.map((c) => c['name'])).to.deep.equal([names.connection]);
    expect(snapshot.destinations.map((d) => d['name'])).to.deep.equal([names.destination]);
    // the hung creation never landed: one source
    expect(snapshot.sources.map((s) => s['name'])).to.deep.equal([names.source]);
    expect(b.child.output()).to.contain('taking over a task whose replica stopped');

    expect(await taskRows(database.url)).to.not.contain(FILE_PASSWORD);
  });

  it('without STATE_ENCRYPTION_KEY, ends the token FAILED saying to send the request again', async () => {
    const { b, token, rows } = await killMidDeploy({});
    expect(rows).to.contain('"request":null');
    const status = await finalStatus(b.base, token);
    expect(status['status']).to.equal('FAILED');
    expect(String(status['result'])).to.contain('the replica running this stopped; send the request again');
  });

  it('on SIGTERM, hands what it still runs after the grace period over to the other replica at once', async () => {
    const a = await serve({ STATE_ENCRYPTION_KEY: KEY, SHUTDOWN_GRACE_MS: '200', LEASE_TTL_SECONDS: '3' });
    holdSourceCreations(sandbox, 1);
    const submitted = await send(`${a.base}${LEGACY}/provision`, { body: request });
    const token = tokenOf(submitted);
    await sourceCreationsInFlight(sandbox);
    a.child.process.kill('SIGTERM');
    expect(await a.child.exited).to.equal(0);
    // handed over on its way out: its task stale at once, its lease free, before any TTL ran out
    const tasks = await query<{ heartbeat: string }>(
      database.url,
      "SELECT heartbeat_at::text AS heartbeat FROM provisioner_tasks WHERE status = 'RUNNING'",
    );
    const leases = await query<{ free: boolean }>(
      database.url,
      'SELECT expires_at <= now() AS free FROM provisioner_leases',
    );
    expect(tasks.map((r) => r.heartbeat)).to.deep.equal(['-infinity']);
    expect(leases.map((r) => r.free)).to.deep.equal([true]);
    // the other replica, started only now (nothing could take the task before the check above)
    const b = await serve({ STATE_ENCRYPTION_KEY: KEY, LEASE_TTL_SECONDS: '3' });
    const status = await finalStatus(b.base, token);
    expect(status['status'], JSON.stringify(status)).to.equal('COMPLETED');
    expect(sandbox.snapshot().sources.map((x) => x['name'])).to.deep.equal([namesOf('crash').source]);
  });

  it('with TASK_MAX_TAKEOVERS=1, a task whose replicas are killed in turn ends FAILED on the next, unrun', async () => {
    const env = { STATE_ENCRYPTION_KEY: KEY, TASK_MAX_TAKEOVERS: '1' };
    const [a, b] = await Promise.all([serve(env), serve(env)]);
    // the task's first two source creations hang: one for each replica killed under it
    holdSourceCreations(sandbox, 2);
    const submitted = await send(`${a.base}${LEGACY}/provision`, { body: request });
    expect(submitted.status, submitted.text).to.equal(202);
    const token = tokenOf(submitted);
    // what the coordinator sees, polling whichever replica is up: each change of status, in order
    const sequence: string[] = [];
    const note = (status: string): void => {
      if (sequence.at(-1) !== status) sequence.push(status);
    };
    const observe = async (replica: ServedChild): Promise<void> => {
      const answer = await send(`${replica.base}${LEGACY}/provision/${token}/status`);
      expect(answer.status, answer.text).to.equal(200);
      note(String((answer.json as { status: unknown }).status));
    };
    const task = async () =>
      (
        await query<{ status: string; attempts: number; sealed: boolean }>(
          database.url,
          'SELECT status, attempts, request IS NOT NULL AS sealed FROM provisioner_tasks WHERE token = $1',
          [token],
        )
      )[0];
    const secretsIn = async (): Promise<string[]> => {
      const rows = await taskRows(database.url);
      const configPassword = sandboxEnv(sandbox)['SNOWFLAKE_PASSWORD'] ?? '';
      expect(configPassword, 'the Snowflake password the replicas are given').to.not.equal('');
      return [FILE_PASSWORD, KEY, configPassword, sandbox.credentials.clientSecret].filter((secret) =>
        rows.includes(secret),
      );
    };

    // A runs it: killed with its source creation in flight
    await sourceCreationsInFlight(sandbox, 1);
    await observe(a);
    expect(await secretsIn()).to.deep.equal([]);
    await kill9(a);

    // B takes it over (its first takeover, the only one allowed), and is killed the same way
    await b.child.waitForLine(/taking over a task whose replica stopped/);
    await sourceCreationsInFlight(sandbox, 2);
    await observe(b);
    expect(await task()).to.deep.equal({ status: 'RUNNING', attempts: 2, sealed: true });
    expect(await secretsIn()).to.deep.equal([]);
    // C starts only now, so it is C that finds B's task stale, not A's
    const c = await serve(env);
    await observe(c);
    await kill9(b);

    // C gives it up instead of running it a third time
    const status = await finalStatus(c.base, token);
    (status['seen'] as string[]).forEach(note);
    expect(sequence, JSON.stringify(status)).to.deep.equal(['RUNNING', 'FAILED']);
    expect(String(status['result'])).to.contain(
      '2 replicas in turn stopped while running this (the first, then 1 takeover: the most TASK_MAX_TAKEOVERS=1 allows), so it is not run again',
    );
    await c.child.waitForLine(/a task's replicas kept stopping/);
    expect(c.child.output()).to.not.contain('taking over a task whose replica stopped');
    expect(await task()).to.deep.equal({ status: 'FAILED', attempts: 3, sealed: false });
    expect(await secretsIn()).to.deep.equal([]);

    // an unprovision of the component on C waits, under the component's lock, behind anything C still
    // runs on it: once it is done, a third run would have called Airbyte. The only source creations are
    // still A's and B's, held in flight.
    const removing = await send(`${c.base}${LEGACY}/unprovision`, { body: request });
    expect(removing.status, removing.text).to.equal(202);
    expect((await pollStatus(c.base, tokenOf(removing), 30_000)).status).to.equal('COMPLETED');
    const creations = sandbox.calls().filter((x) => x.method === 'POST' && x.path === '/sources');
    expect(creations).to.have.length(2);
    expect(inFlight(sandbox, 'POST', '/sources')).to.have.length(2);
  });
});
