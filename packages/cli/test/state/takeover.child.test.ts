/**
 * Crash takeover, as deployed: `serve` processes on one database and the sandbox Airbyte. The replica
 * running a deploy is killed (-9) while a source creation is in flight; another notices the stale
 * heartbeat, runs the deploy again under the same token, and the token polled on it ends COMPLETED with one
 * source, one destination and one connection. Without STATE_ENCRYPTION_KEY the token ends FAILED instead,
 * saying to send the request again; with it, the stored request is never in clear.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { freshDatabase, type TestDatabase } from '@airbyte-provisioner/adapter-postgres/testing';
import {
  finalStatus,
  killServeChildren,
  query,
  serveReplica,
  sourceCreationsInFlight,
  taskRows,
  type ServedChild,
} from '../support/serve-child.js';
import { namesOf, requestOf } from '../reliability/descriptors.js';
import { LEGACY, send, tokenOf } from '../reliability/harness.js';

const KEY = 'takeover-test-state-encryption-key';
const FILE_PASSWORD = 'crash-f1le-pa55word';
const request = requestOf({ key: 'crash', providerExtra: `              password: ${FILE_PASSWORD}\n` });

describe('crash takeover (two serve processes, kill -9)', function () {
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

  /** Holds the next `times` source creations in flight far longer than the test. */
  const holdSourceCreations = (times: number): void =>
    sandbox.inject({
      match: { method: 'POST', path: '/sources', times },
      action: { type: 'delay', ms: 600_000 },
    });

  const kill9 = async (replica: ServedChild): Promise<void> => {
    replica.child.process.kill('SIGKILL');
    await replica.child.exited;
  };

  const killMidDeploy = async (env: Record<string, string>) => {
    const [a, b] = await Promise.all([serve(env), serve(env)]);
    // the first source creation hangs: replica A is killed with it in flight
    holdSourceCreations(1);
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
    holdSourceCreations(1);
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
});
