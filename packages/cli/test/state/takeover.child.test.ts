/**
 * Crash takeover, as deployed: two `serve` processes on one database and the sandbox Airbyte. The replica
 * running a deploy is killed (-9) while a source creation is in flight; the other notices the stale
 * heartbeat, runs the deploy again under the same token, and the token polled on it ends COMPLETED with one
 * source, one destination and one connection. Without STATE_ENCRYPTION_KEY the token ends FAILED instead,
 * saying to send the request again; with it, the stored request is never in clear.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { freshDatabase, type TestDatabase } from '@airbyte-provisioner/adapter-postgres/testing';
import pg from 'pg';
import { startCliChild, type LongRunningChild } from '../support/child-cli.js';
import { freePort } from '../support/free-port.js';
import { namesOf, requestOf } from '../reliability/descriptors.js';
import { LEGACY, send, sleep, tokenOf } from '../reliability/harness.js';

const KEY = 'takeover-test-state-encryption-key';
const FILE_PASSWORD = 'crash-f1le-pa55word';
const request = requestOf({ key: 'crash', providerExtra: `              password: ${FILE_PASSWORD}\n` });

/** Every row of the tasks table as text: what an operator (or an attacker) with the database reads. */
const taskRows = async (url: string): Promise<string> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ dump: string }>(
      'SELECT row_to_json(t)::text AS dump FROM provisioner_tasks t',
    );
    return rows.map((r) => r.dump).join('\n');
  } finally {
    await client.end();
  }
};

describe('crash takeover (two serve processes, kill -9)', function () {
  this.timeout(90_000);
  let sandbox: AirbyteSandbox;
  let database: TestDatabase;
  const children: LongRunningChild[] = [];

  beforeEach(async () => {
    sandbox = await startAirbyteSandbox({ host: '127.0.0.1', jobDurationMs: 10 });
    database = await freshDatabase();
  });
  afterEach(async () => {
    children.splice(0).forEach((c) => c.kill());
    await sandbox.close();
    await database.drop();
  });

  const serve = async (env: Record<string, string>): Promise<{ child: LongRunningChild; base: string }> => {
    const port = await freePort();
    const child = startCliChild(['serve'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      AIRBYTE_API_URL: sandbox.url,
      AIRBYTE_WORKSPACE_ID: sandbox.workspaceId,
      AIRBYTE_CLIENT_ID: sandbox.credentials.clientId,
      AIRBYTE_CLIENT_SECRET: sandbox.credentials.clientSecret,
      SNOWFLAKE_HOST: 'acme.snowflakecomputing.com',
      SNOWFLAKE_ROLE: 'LOADER',
      SNOWFLAKE_WAREHOUSE: 'WH',
      SNOWFLAKE_USER: 'LOADER_USER',
      SNOWFLAKE_PASSWORD: 'sn0wflake-Pa55word-from-config',
      DATABASE_URL: database.url,
      LEASE_TTL_SECONDS: '1',
      ...env,
    });
    children.push(child);
    await child.waitForLine(/airbyte-provisioner is listening/, 60_000);
    return { child, base: `http://127.0.0.1:${port}` };
  };

  /** Resolves once the sandbox holds a source creation in flight (the first one hangs). */
  const sourceCreationInFlight = async (): Promise<void> => {
    const hanging = (): boolean =>
      sandbox.calls().some((c) => c.method === 'POST' && c.path === '/sources' && c.status === undefined);
    while (!hanging()) await sleep(10);
  };

  const finalStatus = async (base: string, token: string): Promise<Record<string, unknown>> => {
    const seen = new Set<string>();
    for (;;) {
      const answer = await send(`${base}${LEGACY}/provision/${token}/status`);
      expect(answer.status, answer.text).to.equal(200);
      const body = answer.json as Record<string, unknown>;
      seen.add(String(body['status']));
      if (body['status'] !== 'RUNNING') return { ...body, seen: [...seen] };
      await sleep(50);
    }
  };

  const killMidDeploy = async (env: Record<string, string>) => {
    const [a, b] = await Promise.all([serve(env), serve(env)]);
    // the first source creation hangs: replica A is killed with it in flight
    sandbox.inject({
      match: { method: 'POST', path: '/sources', times: 1 },
      action: { type: 'delay', ms: 600_000 },
    });
    const submitted = await send(`${a.base}${LEGACY}/provision`, { body: request });
    expect(submitted.status, submitted.text).to.equal(202);
    const token = tokenOf(submitted);
    await sourceCreationInFlight();
    // what the database holds for the running task: the request sealed (with a key) or nothing, never in clear
    const rows = await taskRows(database.url);
    a.child.process.kill('SIGKILL');
    await a.child.exited;
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
    sandbox.inject({
      match: { method: 'POST', path: '/sources', times: 1 },
      action: { type: 'delay', ms: 600_000 },
    });
    const submitted = await send(`${a.base}${LEGACY}/provision`, { body: request });
    const token = tokenOf(submitted);
    await sourceCreationInFlight();
    a.child.process.kill('SIGTERM');
    expect(await a.child.exited).to.equal(0);
    // handed over on its way out: its task stale at once, its lease free, before any TTL ran out
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tasks = await client.query<{ heartbeat: string }>(
        "SELECT heartbeat_at::text AS heartbeat FROM provisioner_tasks WHERE status = 'RUNNING'",
      );
      const leases = await client.query<{ free: boolean }>(
        'SELECT expires_at <= now() AS free FROM provisioner_leases',
      );
      expect(tasks.rows.map((r) => r.heartbeat)).to.deep.equal(['-infinity']);
      expect(leases.rows.map((r) => r.free)).to.deep.equal([true]);
    } finally {
      await client.end();
    }
    // the other replica, started only now (nothing could take the task before the check above)
    const b = await serve({ STATE_ENCRYPTION_KEY: KEY, LEASE_TTL_SECONDS: '3' });
    const status = await finalStatus(b.base, token);
    expect(status['status'], JSON.stringify(status)).to.equal('COMPLETED');
    expect(sandbox.snapshot().sources.map((x) => x['name'])).to.deep.equal([namesOf('crash').source]);
  });
});
