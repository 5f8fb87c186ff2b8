/**
 * Concurrency, Airbyte down at start, and restarts, over the real server and the sandbox Airbyte.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { namesOf, requestOf } from './descriptors.js';
import { freePort } from '../support/free-port.js';
import { airbyteEnv, LEGACY, pollStatus, send, startProvisioner, tokenOf } from './harness.js';

const named = (sandbox: AirbyteSandbox, key: string) => {
  const snapshot = sandbox.snapshot();
  const mine = (list: ReadonlyArray<Readonly<Record<string, unknown>>>) =>
    list.map((r) => r['name']).filter((n) => typeof n === 'string' && n.includes(`vaccinations.${key}.`));
  return {
    sources: mine(snapshot.sources),
    destinations: mine(snapshot.destinations),
    connections: mine(snapshot.connections),
  };
};

const exactlyOne = (sandbox: AirbyteSandbox, key: string) => {
  const names = namesOf(key);
  expect(named(sandbox, key)).to.deep.equal({
    sources: [names.source],
    destinations: [names.destination],
    connections: [names.connection],
  });
};

describe('reliability: concurrency, Airbyte down, restart', function () {
  this.timeout(30_000);
  let sandbox: AirbyteSandbox;
  before(async () => {
    sandbox = await startAirbyteSandbox({ jobDurationMs: 10 });
  });
  after(async () => {
    await sandbox.close();
  });

  for (const mode of ['sync', 'async'] as const) {
    it(`50 simultaneous ${mode} provisions of one component create exactly one of each resource`, async () => {
      const key = `same-${mode}`;
      const p = await startProvisioner({
        ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
        PROVISION_MODE: mode,
      });
      try {
        const body = requestOf({ key });
        const answers = await Promise.all(
          Array.from({ length: 50 }, () => send(`${p.url}${LEGACY}/provision`, { body })),
        );
        const outcomes =
          mode === 'sync'
            ? answers.map((a) => ({ status: a.status, text: a.text }))
            : await Promise.all(
                answers.map(async (a) => {
                  if (a.status !== 202) return { status: a.status, text: a.text };
                  const done = await pollStatus(p.url, tokenOf(a), 15_000);
                  return { status: done.status === 'COMPLETED' ? 200 : 500, text: done.result ?? '' };
                }),
              );
        // the requests wait for each other (one lock per component): every one completes, none duplicates
        for (const o of outcomes) expect(o.status, o.text).to.equal(200);
        exactlyOne(sandbox, key);
      } finally {
        await p.close();
      }
    });
  }

  it('100 different components at once all complete, within the concurrency bound, without cross-talk', async function () {
    this.timeout(60_000);
    const bound = 8;
    const p = await startProvisioner({
      ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
      AIRBYTE_MAX_CONCURRENT_CALLS: String(bound),
    });
    try {
      sandbox.clearCalls();
      const keys = Array.from({ length: 100 }, (_, i) => `many${i}`);
      const tokens = await Promise.all(
        keys.map(async (key) => {
          const a = await send(`${p.url}${LEGACY}/provision`, { body: requestOf({ key }) });
          expect(a.status, a.text).to.equal(202);
          return tokenOf(a);
        }),
      );
      const results = await Promise.all(tokens.map((t) => pollStatus(p.url, t, 50_000)));
      results.forEach((r, i) => {
        expect(r.status, r.result).to.equal('COMPLETED');
        expect(r.result).to.include(namesOf(keys[i] ?? '').connection);
      });
      expect(sandbox.maxConcurrentRequests()).to.be.at.most(bound);
      for (const key of keys) exactlyOne(sandbox, key);
      // each connection joins its own component's source and destination
      const snapshot = sandbox.snapshot();
      const nameOf = (list: ReadonlyArray<Readonly<Record<string, unknown>>>, idField: string, id: unknown) =>
        list.find((r) => r[idField] === id)?.['name'];
      for (const connection of snapshot.connections) {
        const name = String(connection['name']);
        const m = /^healthcare\.vaccinations\.(many\d+)\./.exec(name);
        if (m === null) continue;
        const names = namesOf(m[1] ?? '');
        expect(nameOf(snapshot.sources, 'sourceId', connection['sourceId'])).to.equal(names.source);
        expect(nameOf(snapshot.destinations, 'destinationId', connection['destinationId'])).to.equal(
          names.destination,
        );
      }
    } finally {
      await p.close();
    }
  });

  it('starts with Airbyte down: not ready, validate works, provision says Airbyte is unavailable; recovers', async () => {
    const port = await freePort();
    const credentials = { clientId: 'down-client', clientSecret: 'down-client-secret' };
    const workspaceId = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    const p = await startProvisioner(
      airbyteEnv(`http://127.0.0.1:${port}/api/public/v1`, workspaceId, credentials),
    );
    let late: AirbyteSandbox | undefined;
    try {
      const ready = await send(`${p.url}/ready`);
      expect(ready.status).to.equal(503);
      expect(ready.json).to.have.property('status', 'NOT_READY');
      const body = requestOf({ key: 'down' });
      const validated = await send(`${p.url}${LEGACY}/validate`, { body });
      expect(validated.status).to.equal(200);
      expect(validated.json).to.deep.equal({ valid: true });
      const accepted = await send(`${p.url}${LEGACY}/provision`, { body });
      expect(accepted.status).to.equal(202);
      const failed = await pollStatus(p.url, tokenOf(accepted), 15_000);
      expect(failed.status).to.equal('FAILED');
      expect(failed.result).to.match(/Airbyte unavailable/i);

      // in sync mode the same failure is the answer itself: a SystemError that says what to do
      const syncServer = await startProvisioner({
        ...airbyteEnv(`http://127.0.0.1:${port}/api/public/v1`, workspaceId, credentials),
        PROVISION_MODE: 'sync',
      });
      try {
        const refused = await send(`${syncServer.url}${LEGACY}/provision`, { body });
        expect(refused.status).to.equal(500);
        const error = refused.json as { error: string; moreInfo: { solutions: string[] } };
        expect(error.error).to.match(/Airbyte unavailable/i);
        expect(error.moreInfo.solutions.join(' ')).to.match(/sent again once Airbyte is healthy/);
      } finally {
        await syncServer.close();
      }

      late = await startAirbyteSandbox({ port, workspaceId, ...credentials, jobDurationMs: 10 });
      expect((await send(`${p.url}/ready`)).status).to.equal(200);
      const again = await send(`${p.url}${LEGACY}/provision`, { body });
      expect((await pollStatus(p.url, tokenOf(again))).status).to.equal('COMPLETED');
      exactlyOne(late, 'down');
    } finally {
      await p.close();
      await late?.close();
    }
  });

  it('after a restart, a token of the previous instance is unknown: 400 saying the deploy can be sent again', async () => {
    const env = airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials);
    const before = await startProvisioner(env);
    const body = requestOf({ key: 'restart' });
    const accepted = await send(`${before.url}${LEGACY}/provision`, { body });
    expect(accepted.status).to.equal(202);
    await pollStatus(before.url, tokenOf(accepted));
    await before.close();

    const afterRestart = await startProvisioner(env);
    try {
      const status = await send(`${afterRestart.url}${LEGACY}/provision/${tokenOf(accepted)}/status`);
      expect(status.status).to.equal(400);
      const answer = status.json as { userMessage: string; moreInfo: { solutions: string[] } };
      expect(answer.userMessage).to.match(/unknown or expired/);
      expect(answer.moreInfo.solutions.join(' ')).to.match(/send the provisioning request again/i);
      expect(answer.moreInfo.solutions.join(' ')).to.match(/safe/);
      // and sending it again is indeed safe: still exactly one of each
      const again = await send(`${afterRestart.url}${LEGACY}/provision`, { body });
      expect((await pollStatus(afterRestart.url, tokenOf(again))).status).to.equal('COMPLETED');
      exactlyOne(sandbox, 'restart');
    } finally {
      await afterRestart.close();
    }
  });
});
