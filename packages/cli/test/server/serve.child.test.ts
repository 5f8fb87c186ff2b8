/**
 * `serve` as deployed: a child process, over real HTTP. With --sandbox it answers /health and runs a
 * full round trip; on SIGTERM it lets a running provision finish before exiting 0, but no longer than
 * SHUTDOWN_GRACE_MS: neither a sync provision running inside its request nor a client that sent half a
 * request holds it longer.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { example, startCliChild, type LongRunningChild } from '../support/child-cli.js';
import { freePort } from '../support/free-port.js';
import { holdSourceCreations, sandboxEnv, serveChild } from '../support/serve-child.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const waitForHealth = async (base: string, child: LongRunningChild): Promise<void> => {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.process.exitCode !== null) throw new Error(`serve exited:\n${child.output()}`);
    try {
      if ((await fetch(`${base}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`serve never answered /health:\n${child.output()}`);
};

const pollStatus = async (url: string, headers: Record<string, string> = {}): Promise<{ status: string }> => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const body = (await (await fetch(url, { headers })).json()) as { status: string };
    if (body.status !== 'RUNNING') return body;
    await sleep(25);
  }
  throw new Error(`${url} stayed RUNNING`);
};

/** Makes every source creation hang far longer than any grace period, the Airbyte timeout and the test. */
const hangSourceCreation = (sandbox: AirbyteSandbox): (() => Promise<void>) => {
  holdSourceCreations(sandbox, Infinity);
  // resolves once a source creation is in flight
  return async () => {
    const hanging = (): boolean =>
      sandbox.calls().some((c) => c.method === 'POST' && c.path === '/sources' && c.status === undefined);
    for (let attempt = 0; attempt < 200 && !hanging(); attempt++) await sleep(25);
    expect(hanging(), 'the source creation is in flight').to.equal(true);
  };
};

/** SIGTERM, then the exit code ('still running' after 10 s) and the milliseconds it took. */
const terminate = async (child: LongRunningChild): Promise<{ code: unknown; took: number }> => {
  const signalledAt = Date.now();
  child.process.kill('SIGTERM');
  const code = await Promise.race([child.exited, sleep(10_000).then(() => 'still running')]);
  return { code, took: Date.now() - signalledAt };
};

/** `serve` on this sandbox Airbyte with this grace period (and more env), listening. */
const serveOn = (sandbox: AirbyteSandbox, graceMs: string, env: Record<string, string> = {}) =>
  serveChild({ ...sandboxEnv(sandbox), SHUTDOWN_GRACE_MS: graceMs, ...env });

/** `serve` on the sandbox with this grace period, listening, with `request` accepted as an async provision. */
const serveAndProvision = async (sandbox: AirbyteSandbox, graceMs: string, request: string) => {
  const { child, base } = await serveOn(sandbox, graceMs);
  const provision = await fetch(`${base}/v1/provision`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: request,
  });
  expect(provision.status).to.equal(202);
  return { child };
};

describe('serve (child process)', () => {
  let request: string;
  before(async () => {
    request = await readFile(example('provision-request.json'), 'utf8');
  });

  it('--sandbox: warns that nothing is real, answers /health, and provisions, reports status and unprovisions', async () => {
    const port = await freePort();
    const child = startCliChild(['serve', '--sandbox'], { PORT: String(port), HOST: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHealth(base, child);
      expect(child.output()).to.contain('NOTHING REAL IS DEPLOYED');
      const json = { 'Content-Type': 'application/json' };

      const provision = await fetch(`${base}/datamesh.airbytespecificprovisioner/0.0/provision`, {
        method: 'POST',
        headers: json,
        body: request,
      });
      expect(provision.status).to.equal(202);
      const token = await provision.text();
      const done = await pollStatus(
        `${base}/datamesh.airbytespecificprovisioner/0.0/provision/${token}/status`,
      );
      expect(done.status).to.equal('COMPLETED');

      const unprovision = await fetch(`${base}/v1/unprovision`, {
        method: 'POST',
        headers: json,
        body: request,
      });
      expect(unprovision.status).to.equal(202);
      const removed = await pollStatus(`${base}/v1/provision/${await unprovision.text()}/status`);
      expect(removed.status).to.equal('COMPLETED');

      child.process.kill('SIGTERM');
      expect(await child.exited).to.equal(0);
    } finally {
      child.kill();
    }
  });

  it('on SIGTERM, lets a running async provision finish, then exits 0', async () => {
    const sandbox = await startAirbyteSandbox({ host: '127.0.0.1', latencyMs: 150 });
    const { child } = await serveAndProvision(sandbox, '20000', request);
    try {
      const connectionsBefore = sandbox
        .calls()
        .filter((c) => c.method === 'POST' && c.path.endsWith('/connections'));
      expect(connectionsBefore).to.have.length(0);
      child.process.kill('SIGTERM');
      expect(await child.exited).to.equal(0);
      // the provision ran to its end after the signal: the connection was created
      const created = sandbox.calls().filter((c) => c.method === 'POST' && c.path.endsWith('/connections'));
      expect(created).to.have.length(1);
      expect(child.output()).to.contain('every running operation has finished');
    } finally {
      child.kill();
      await sandbox.close();
    }
  });

  it('on SIGTERM, abandons a provision still running after SHUTDOWN_GRACE_MS, says so, and exits 0', async () => {
    const sandbox = await startAirbyteSandbox({ host: '127.0.0.1' });
    const inFlight = hangSourceCreation(sandbox);
    const { child } = await serveAndProvision(sandbox, '300', request);
    try {
      await inFlight();
      const { code, took } = await terminate(child);
      expect(code, child.output()).to.equal(0);
      // the grace period, then at most the one second given to open connections, and a margin
      expect(took).to.be.below(5000);
      expect(child.output()).to.match(/abandoning 1 running operation\b.*can be sent again/);
    } finally {
      child.kill();
      await sandbox.close();
    }
  });

  it('on SIGTERM in sync mode, abandons a provision running inside its request once SHUTDOWN_GRACE_MS is over', async () => {
    const sandbox = await startAirbyteSandbox({ host: '127.0.0.1' });
    const inFlight = hangSourceCreation(sandbox);
    const { child, base } = await serveOn(sandbox, '300', { PROVISION_MODE: 'sync' });
    try {
      // answered only once the provision ends, which it does not: the shutdown drops it
      const provision = fetch(`${base}/v1/provision`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: request,
      }).then(
        (answer) => answer.status,
        () => 'dropped',
      );
      await inFlight();
      const { code, took } = await terminate(child);
      expect(code, child.output()).to.equal(0);
      // the grace period, the second given to the connections dropped, and a margin
      expect(took, child.output()).to.be.below(300 + 3000);
      expect(child.output()).not.to.contain('every running operation has finished');
      expect(child.output()).to.match(/abandoning 1 running operation\b.*can be sent again/);
      expect(await provision).to.equal('dropped');
    } finally {
      child.kill();
      await sandbox.close();
    }
  });

  it('--sandbox, on SIGTERM: a client that sent half a request does not hold it past SHUTDOWN_GRACE_MS', async () => {
    const port = await freePort();
    const child = startCliChild(['serve', '--sandbox'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      SHUTDOWN_GRACE_MS: '300',
    });
    let socket: Socket | undefined;
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, child);
      const client = connect(port, '127.0.0.1');
      socket = client;
      client.on('error', () => {});
      await new Promise((resolve) => client.once('connect', resolve));
      const dropped = new Promise((resolve) => client.once('close', resolve));
      client.write('POST /v1/provision HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le');

      const { code, took } = await terminate(child);
      expect(code, child.output()).to.equal(0);
      expect(took, child.output()).to.be.below(300 + 3000);
      expect(child.output()).to.contain('dropping the connections still open');
      await dropped;
    } finally {
      socket?.destroy();
      child.kill();
    }
  });
});
