/**
 * Sync after deploy and removeData's clear job, end to end: the real server over HTTP, the sandbox Airbyte
 * behind it. Jobs the sandbox holds running end only when a test ends them (`finishJob`), and each test
 * waits on what the sandbox or the task reports, never on the clock.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { descriptorOf } from '../reliability/descriptors.js';
import {
  airbyteEnv,
  LEGACY,
  pollStatus,
  send,
  sleep,
  startProvisioner,
  tokenOf,
} from '../reliability/harness.js';

const CONNECTION_LINE = (key: string) => `          name: healthcare.vaccinations.${key}.File-to-Snowflake\n`;

/** A provisioning request whose connection carries these extra settings (YAML lines under `connection`). */
const requestWith = (key: string, settings: Record<string, string | number | boolean>, removeData = false) =>
  JSON.stringify({
    descriptorKind: 'COMPONENT_DESCRIPTOR',
    descriptor: descriptorOf({ key }).replace(
      CONNECTION_LINE(key),
      CONNECTION_LINE(key) +
        Object.entries(settings)
          .map(([k, v]) => `          ${k}: ${String(v)}\n`)
          .join(''),
    ),
    removeData,
  });

/** Waits until the sandbox state satisfies `ready` (a job polled, say); fails the test if it never does. */
const until = async (ready: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2000; i += 1) {
    if (ready()) return;
    await sleep(5);
  }
  throw new Error(`never happened: ${what}`);
};

type Body = Record<string, unknown>;
const info = (body: Body) => body['info'] as { publicInfo: Body; privateInfo: { airbyte: Body } };
const messages = (body: Body) => (body['logs'] as ReadonlyArray<{ message: string }>).map((l) => l.message);

describe('operations: sync after deploy over HTTP', function () {
  this.timeout(30_000);
  let sandbox: AirbyteSandbox;

  before(async () => {
    // jobs run until a test ends them
    sandbox = await startAirbyteSandbox({
      jobPollsToSucceed: Number.POSITIVE_INFINITY,
      jobDurationMs: Number.POSITIVE_INFINITY,
    });
  });
  after(async () => {
    await sandbox.close();
  });

  const provisioner = (mode: 'sync' | 'async' = 'async') =>
    startProvisioner({
      ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
      AIRBYTE_JOB_POLL_MS: '5',
      AIRBYTE_UI_URL: 'http://airbyte.example.com',
      PROVISION_MODE: mode,
    });
  const jobsOf = (connectionName: string) => {
    const snapshot = sandbox.snapshot();
    const connection = snapshot.connections.find((c) => c['name'] === connectionName);
    return snapshot.jobs.filter((j) => j['connectionId'] === connection?.['connectionId']);
  };

  it('without waiting: COMPLETED with the job id private and a job link public; onChange then starts none for the same descriptor', async () => {
    const p = await provisioner('sync');
    try {
      const key = 'nowait';
      const first = await send(`${p.url}${LEGACY}/provision`, {
        body: requestWith(key, { syncOnProvision: 'onChange' }),
      });
      expect(first.status, first.text).to.equal(200);
      const body = first.json as Body;
      expect(body['status']).to.equal('COMPLETED');
      const jobs = jobsOf(`healthcare.vaccinations.${key}.File-to-Snowflake`);
      expect(jobs.map((j) => [j['jobType'], j['status']])).to.deep.equal([['sync', 'running']]);
      const jobId = jobs[0]?.['jobId'] as number;
      expect(info(body).privateInfo.airbyte['lastJobId']).to.equal(jobId);
      const link = info(body).publicInfo['lastSyncJob'] as Body;
      expect(link['type']).to.equal('link');
      expect(link['href']).to.match(new RegExp(`/connections/[0-9a-f-]+/job-history#${jobId}::0$`));

      sandbox.finishJob(jobId, 'succeeded');
      const again = await send(`${p.url}${LEGACY}/provision`, {
        body: requestWith(key, { syncOnProvision: 'onChange' }),
      });
      expect((again.json as Body)['status']).to.equal('COMPLETED');
      expect(jobsOf(`healthcare.vaccinations.${key}.File-to-Snowflake`)).to.have.length(1);
    } finally {
      await p.close();
    }
  });

  it('always (true): a provision while the sync runs attaches to it (409), never starts a second', async () => {
    const p = await provisioner('sync');
    try {
      const key = 'attach';
      const body = requestWith(key, { syncOnProvision: true });
      const first = await send(`${p.url}${LEGACY}/provision`, { body });
      const second = await send(`${p.url}${LEGACY}/provision`, { body });
      const jobs = jobsOf(`healthcare.vaccinations.${key}.File-to-Snowflake`);
      expect(jobs).to.have.length(1);
      for (const answer of [first, second]) {
        expect(info(answer.json as Body).privateInfo.airbyte['lastJobId']).to.equal(jobs[0]?.['jobId']);
      }
      // the second start met Airbyte's 409 and looked the running job up
      expect(sandbox.calls().filter((c) => c.method === 'POST' && c.path.endsWith('/jobs'))).to.satisfy(
        (posts: ReadonlyArray<{ status: number }>) => posts.some((c) => c.status === 409),
      );
      sandbox.finishJob(jobs[0]?.['jobId'] as number, 'succeeded');
    } finally {
      await p.close();
    }
  });

  const waiting = async (key: string, end: 'succeeded' | 'failed' | 'cancelled') => {
    const p = await provisioner();
    try {
      const accepted = await send(`${p.url}/v1/provision`, {
        body: requestWith(key, { syncOnProvision: 'onCreate', waitForSync: true, syncTimeoutSeconds: 600 }),
      });
      expect(accepted.status, accepted.text).to.equal(202);
      const token = tokenOf(accepted);
      const name = `healthcare.vaccinations.${key}.File-to-Snowflake`;
      // the job is being followed: polled at least twice
      await until(() => {
        const id = String(jobsOf(name)[0]?.['jobId']);
        return (
          sandbox.calls().filter((c) => c.method === 'GET' && c.path.endsWith(`/jobs/${id}`)).length >= 2
        );
      }, 'the provisioner polls the sync job');
      const running = await send(`${p.url}/v1/provision/${token}/status`);
      expect((running.json as Body)['status']).to.equal('RUNNING');
      expect(sandbox.finishJob(jobsOf(name)[0]?.['jobId'] as number, end)).to.equal(true);
      return await pollStatus(p.url, token);
    } finally {
      await p.close();
    }
  };

  it('waiting: the task stays RUNNING while the job runs, then COMPLETED when it succeeds', async () => {
    const done = await waiting('waitok', 'succeeded');
    expect(done.status, done.result).to.equal('COMPLETED');
    expect(messages(done.body).slice(-2)).to.deep.equal([
      `Sync job ${String(info(done.body).privateInfo.airbyte['lastJobId'])} is succeeded: 10 rows (1.0 kB) synced`,
      `Sync job ${String(info(done.body).privateInfo.airbyte['lastJobId'])} succeeded`,
    ]);
  });

  for (const end of ['failed', 'cancelled'] as const) {
    it(`waiting: a ${end} job makes the task FAILED with all the public API says, and where to see why`, async () => {
      const done = await waiting(`wait${end}`, end);
      expect(done.status).to.equal('FAILED');
      expect(done.result).to.match(
        new RegExp(
          `Airbyte reports sync job \\d+ ${end}.* after [\\w ]+, with 0 rows \\(0 B\\) synced\\. Airbyte's public API does not say why: see the job's logs in the Airbyte UI: http://airbyte\\.example\\.com/workspaces/[0-9a-f-]+/connections/[0-9a-f-]+/job-history#\\d+::0\\. The next provision starts the sync again`,
        ),
      );
    });
  }

  it("waiting: the status routes show the job's progress while RUNNING (start and link, then rows and bytes), then COMPLETED", async () => {
    const p = await provisioner();
    try {
      const key = 'progress';
      const accepted = await send(`${p.url}/v1/provision`, {
        body: requestWith(key, { syncOnProvision: 'onCreate', waitForSync: true, syncTimeoutSeconds: 600 }),
      });
      expect(accepted.status, accepted.text).to.equal(202);
      const token = tokenOf(accepted);
      const status = async (base: string) => (await send(`${base}/provision/${token}/status`)).json as Body;
      /** The RUNNING status once its last log line is `line` (it is published as the job moves). */
      const runningWith = async (line: (jobId: number) => string): Promise<Body> => {
        let last: Body = {};
        for (let i = 0; i < 2000; i += 1) {
          last = await status(p.url + '/v1');
          const jobId = jobsOf(`healthcare.vaccinations.${key}.File-to-Snowflake`)[0]?.['jobId'];
          const logs = messages({ logs: [], ...last });
          if (typeof jobId === 'number' && logs.at(-1) === line(jobId)) return last;
          await sleep(5);
        }
        throw new Error(`never published: ${JSON.stringify(last)}`);
      };
      const started = await runningWith(
        (id) =>
          `Started sync job ${id} (status pending): http://airbyte.example.com/workspaces/${sandbox.workspaceId}/connections/${String(jobsOf(`healthcare.vaccinations.${key}.File-to-Snowflake`)[0]?.['connectionId'])}/job-history#${id}::0`,
      );
      expect(started['status']).to.equal('RUNNING');
      const jobId = jobsOf(`healthcare.vaccinations.${key}.File-to-Snowflake`)[0]?.['jobId'] as number;
      expect(sandbox.reportJobProgress(jobId, { rowsSynced: 1200, bytesSynced: 56_000 })).to.equal(true);
      const moving = await runningWith(
        (id) => `Sync job ${id} is running: 1,200 rows (56.0 kB) synced so far`,
      );
      expect(moving['result']).to.equal(
        `The operation is running: Sync job ${jobId} is running: 1,200 rows (56.0 kB) synced so far`,
      );
      // the legacy route carries the same body: its `result` is the one field the legacy spec has
      expect(await status(`${p.url}${LEGACY}`)).to.deep.equal(moving);
      expect(JSON.stringify(moving)).to.not.include(sandbox.credentials.clientSecret);

      expect(sandbox.finishJob(jobId, 'succeeded')).to.equal(true);
      const done = await pollStatus(p.url, token);
      expect(done.status, done.result).to.equal('COMPLETED');
      expect(messages(done.body).slice(-2)).to.deep.equal([
        `Sync job ${jobId} is succeeded: 1,200 rows (56.0 kB) synced`,
        `Sync job ${jobId} succeeded`,
      ]);
    } finally {
      await p.close();
    }
  });

  it('waiting: a job left incomplete (an attempt failed, Airbyte retries) is FAILED at the deadline, saying so with its link', async () => {
    const p = await provisioner();
    try {
      const key = 'incomplete';
      const accepted = await send(`${p.url}/v1/provision`, {
        body: requestWith(key, { syncOnProvision: 'always', waitForSync: true, syncTimeoutSeconds: 1 }),
      });
      const name = `healthcare.vaccinations.${key}.File-to-Snowflake`;
      await until(() => jobsOf(name)[0]?.['status'] === 'running', 'the sync job runs');
      expect(sandbox.finishJob(jobsOf(name)[0]?.['jobId'] as number, 'incomplete')).to.equal(true);
      const failed = await pollStatus(p.url, tokenOf(accepted));
      expect(failed.status).to.equal('FAILED');
      expect(failed.result).to.match(
        /sync job \d+ is still incomplete after 1 s \(syncTimeoutSeconds\): its last attempt failed and Airbyte tries again \(the public API does not say why\), with 0 rows \(0 B\) synced so far; it keeps running in Airbyte, see it in the Airbyte UI: http:\/\/airbyte\.example\.com\/workspaces\/[0-9a-f-]+\/connections\/[0-9a-f-]+\/job-history#\d+::0/,
      );
    } finally {
      await p.close();
    }
  });

  it('waiting: a job still running at the deadline is FAILED, or COMPLETED with a warning when asked', async () => {
    const p = await provisioner();
    try {
      const fail = await send(`${p.url}/v1/provision`, {
        body: requestWith('late', { syncOnProvision: 'always', waitForSync: true, syncTimeoutSeconds: 1 }),
      });
      const failed = await pollStatus(p.url, tokenOf(fail));
      expect(failed.status).to.equal('FAILED');
      expect(failed.result).to.match(/is still running after 1 s/);
      const warn = await send(`${p.url}/v1/provision`, {
        body: requestWith('late', {
          syncOnProvision: 'always',
          waitForSync: true,
          syncTimeoutSeconds: 1,
          onSyncTimeout: 'warn',
        }),
      });
      const warned = await pollStatus(p.url, tokenOf(warn));
      expect(warned.status, warned.result).to.equal('COMPLETED');
      expect(
        messages(warned.body).some((m) => /still running after 1 s; not waiting any longer/.test(m)),
      ).to.equal(true);
    } finally {
      await p.close();
    }
  });

  it('refuses a sync on an inactive connection at validation', async () => {
    const p = await provisioner();
    try {
      const answer = await send(`${p.url}/v1/validate`, {
        body: requestWith('inactive', { status: 'inactive', syncOnProvision: 'always' }),
      });
      expect(answer.status).to.equal(200);
      expect(JSON.stringify(answer.json)).to.include('an inactive connection cannot sync');
    } finally {
      await p.close();
    }
  });
});

describe('operations: unprovision with removeData over HTTP', function () {
  this.timeout(20_000);

  it('runs a clear job, waits for it, then deletes the connection, and says so', async () => {
    const sandbox = await startAirbyteSandbox({ jobPollsToSucceed: 1 });
    const p = await startProvisioner({
      ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
      AIRBYTE_JOB_POLL_MS: '5',
      PROVISION_MODE: 'sync',
    });
    try {
      const provision = await send(`${p.url}${LEGACY}/provision`, { body: requestWith('clear', {}) });
      expect(provision.status, provision.text).to.equal(200);
      const connectionId = sandbox.snapshot().connections[0]?.['connectionId'];
      const answer = await send(`${p.url}${LEGACY}/unprovision`, { body: requestWith('clear', {}, true) });
      expect(answer.status, answer.text).to.equal(200);
      expect(
        sandbox.snapshot().jobs.map((j) => [j['jobType'], j['connectionId'], j['status']]),
      ).to.deep.equal([['clear', connectionId, 'succeeded']]);
      const calls = sandbox.calls().map((c) => `${c.method} ${c.path}`);
      expect(calls.findIndex((c) => c.startsWith('POST') && c.endsWith('/jobs'))).to.be.lessThan(
        calls.findIndex((c) => c.startsWith('DELETE') && c.includes('/connections/')),
      );
      expect(messages(answer.json as Body)).to.include(
        `Cleared the data connection ${String(connectionId)} synced (clear job 1 succeeded)`,
      );
      expect(sandbox.snapshot().connections).to.deep.equal([]);
    } finally {
      await p.close();
      await sandbox.close();
    }
  });
});
