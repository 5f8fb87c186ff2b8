import { createServer } from 'node:net';
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { expect } from 'chai';
import { fileSourceBody, openSession, type Session, type Source } from './sandbox-client.js';

const portOf = (url: string): number => Number(new URL(url).port);

/** Resolves true when a plain TCP server can bind the port, i.e. nothing holds it any more. */
const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('sandbox: server, latency, call log', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(() => session.sandbox.close());

  it('serves the public API under /api/public/v1 on 127.0.0.1 with the workspace and credentials it reports', async () => {
    const url = new URL(session.sandbox.url);
    expect(url.hostname).to.equal('127.0.0.1');
    expect(url.pathname).to.equal('/api/public/v1');
    expect(session.sandbox.credentials.clientId).to.be.a('string').and.not.equal('');
    expect((await session.api('GET', `/workspaces/${session.sandbox.workspaceId}`)).status).to.equal(200);
  });

  it('honours a custom base path, port, workspace id and credentials', async () => {
    const probe = await startAirbyteSandbox();
    const port = portOf(probe.url);
    await probe.close();
    const custom = await openSession({
      port,
      basePath: '/v1/',
      workspaceId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      clientId: 'me',
      clientSecret: 'mine',
    });
    try {
      expect(custom.sandbox.url).to.equal(`http://127.0.0.1:${port}/v1`);
      expect(custom.sandbox.credentials).to.deep.equal({ clientId: 'me', clientSecret: 'mine' });
      expect((await custom.api('GET', '/workspaces/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee')).status).to.equal(
        200,
      );
    } finally {
      await custom.sandbox.close();
    }
  });

  it('logs each call in order with method, path, query, status and timings; clearCalls empties the log', async () => {
    session.sandbox.clearCalls();
    expect(session.sandbox.calls()).to.deep.equal([]);
    const created = await session.api<Source>(
      'POST',
      '/sources',
      fileSourceBody(session.sandbox.workspaceId),
    );
    await session.api('GET', `/sources?limit=5&workspaceIds=a&workspaceIds=b`);
    await session.api('GET', '/sources/unknown');
    await session.api('DELETE', `/sources/${created.body.sourceId}`);
    const calls = session.sandbox.calls();
    expect(calls.map(({ method, path, query, status }) => ({ method, path, query, status }))).to.deep.equal([
      { method: 'POST', path: '/sources', query: {}, status: 200 },
      { method: 'GET', path: '/sources', query: { limit: '5', workspaceIds: ['a', 'b'] }, status: 403 },
      { method: 'GET', path: '/sources/unknown', query: {}, status: 404 },
      { method: 'DELETE', path: `/sources/${created.body.sourceId}`, query: {}, status: 204 },
    ]);
    for (const entry of calls) {
      expect(entry.at).to.equal(entry.startedAt);
      expect(entry.finishedAt).to.be.at.least(entry.startedAt);
    }
    session.sandbox.clearCalls();
    expect(session.sandbox.calls()).to.deep.equal([]);
  });

  it('withholds every answer for the set latency, and answers promptly again once it is 0', async () => {
    session.sandbox.setLatency(400);
    let failure: unknown;
    await session
      .api('GET', '/sources', undefined, { signal: AbortSignal.timeout(50) })
      .catch((e: unknown) => (failure = e));
    expect(failure).to.be.instanceOf(DOMException);
    session.sandbox.setLatency(0);
    expect(
      (await session.api('GET', '/sources', undefined, { signal: AbortSignal.timeout(2000) })).status,
    ).to.equal(200);
  });

  it('reports the peak number of requests in flight at once', async () => {
    session.sandbox.clearCalls();
    expect(session.sandbox.maxConcurrentRequests()).to.equal(0);
    await session.api('GET', '/sources');
    expect(session.sandbox.maxConcurrentRequests()).to.equal(1);
    session.sandbox.setLatency(300);
    await Promise.all(Array.from({ length: 5 }, () => session.api('GET', '/sources')));
    expect(session.sandbox.maxConcurrentRequests()).to.equal(5);
  });

  it('close() frees the port, even with a call still waiting on latency', async () => {
    const sandbox = await startAirbyteSandbox({ latencyMs: 10_000 });
    const port = portOf(sandbox.url);
    const pending = fetch(`${sandbox.url}/health`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await portIsFree(port)).to.equal(false);
    await sandbox.close();
    expect(await portIsFree(port)).to.equal(true);
    expect(await pending).to.be.instanceOf(TypeError);
  });
});
