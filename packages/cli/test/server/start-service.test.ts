/**
 * The server's life cycle in-process, over stand-in collaborators: which Airbyte it is wired to (the
 * configured one, or an embedded sandbox), and the graceful shutdown that waits for background work
 * within the grace period.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import type { CoreDeps } from '@airbyte-provisioner/core';
import { standInUseCases } from '../support/stand-in-use-cases.js';
import { createMetrics } from '@airbyte-provisioner/adapter-http';
import type { Collaborators, HttpApp, HttpAppOptions } from '../../src/collaborators/collaborators.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startService } from '../../src/server/start-service.js';

const SANDBOX_WORKSPACE = '11111111-2222-4333-8444-555555555555';

interface Seen {
  deps?: CoreDeps;
  app?: HttpAppOptions;
  listening?: { port: number; host: string };
  httpClosed: boolean;
  sandboxClosed: boolean;
}

const collaborators = (seen: Seen): Collaborators => ({
  parseRequestFile: () => E.left([]),
  makeUseCases: (deps) => {
    seen.deps = deps;
    return standInUseCases(deps);
  },
  createMetrics,
  createHttpApp: (options) => {
    seen.app = options;
    return {} as HttpApp;
  },
  startHttpServer: (_app, options) => {
    seen.listening = options;
    return Promise.resolve({
      url: `http://${options.host}:${options.port}`,
      close: () => {
        seen.httpClosed = true;
        return Promise.resolve();
      },
    });
  },
  startAirbyteSandbox: () =>
    Promise.resolve({
      url: 'http://127.0.0.1:4242/api/public/v1',
      workspaceId: SANDBOX_WORKSPACE,
      credentials: { clientId: 'sandbox-id', clientSecret: 'sandbox-secret' },
      close: () => {
        seen.sandboxClosed = true;
        return Promise.resolve();
      },
    }),
});

const config = (env: Record<string, string>): AppConfig => {
  const loaded = loadConfig({ env: { LOG_LEVEL: 'silent', ...env }, readTextFile: () => E.left('none') });
  if (E.isLeft(loaded)) throw new Error(JSON.stringify(loaded.left));
  return loaded.right;
};

const airbyteEnv = {
  AIRBYTE_API_URL: 'http://airbyte.internal/api/public/v1',
  AIRBYTE_WORKSPACE_ID: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
  AIRBYTE_TOKEN: 'token',
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('startService (in-process)', () => {
  it('serves the HTTP app over the configured Airbyte, with the configured mode, token and address', async () => {
    const seen: Seen = { httpClosed: false, sandboxClosed: false };
    const service = await startService(
      collaborators(seen),
      config({
        ...airbyteEnv,
        PORT: '9999',
        HOST: '127.0.0.1',
        PROVISION_MODE: 'sync',
        API_TOKEN: 'a-token-of-16-chars',
      }),
    );
    expect(service.url).to.equal('http://127.0.0.1:9999');
    expect(seen.listening).to.deep.equal({ port: 9999, host: '127.0.0.1' });
    expect(seen.app?.provisionMode).to.equal('sync');
    expect(seen.app?.apiToken).to.equal('a-token-of-16-chars');
    expect(seen.deps?.workspaceId).to.equal(airbyteEnv.AIRBYTE_WORKSPACE_ID);
    expect(await service.stop()).to.deep.equal({ drained: true });
    expect(seen.httpClosed).to.equal(true);
  });

  it('with a sandbox, talks to the sandbox and closes it on stop', async () => {
    const seen: Seen = { httpClosed: false, sandboxClosed: false };
    const service = await startService(collaborators(seen), config(airbyteEnv), { sandbox: {} });
    expect(service.sandboxUrl).to.equal('http://127.0.0.1:4242/api/public/v1');
    expect(seen.deps?.workspaceId).to.equal(SANDBOX_WORKSPACE);
    await service.stop();
    expect(seen.sandboxClosed).to.equal(true);
  });

  it('on stop, closes the server at once and waits for running background work', async () => {
    const seen: Seen = { httpClosed: false, sandboxClosed: false };
    const service = await startService(
      collaborators(seen),
      config({ ...airbyteEnv, SHUTDOWN_GRACE_MS: '5000' }),
    );
    let finished = false;
    seen.deps!.background.spawn(async () => {
      await sleep(150);
      finished = true;
    });
    const stopping = service.stop();
    await sleep(10);
    expect(seen.httpClosed).to.equal(true);
    expect(finished).to.equal(false);
    expect(await stopping).to.deep.equal({ drained: true });
    expect(finished).to.equal(true);
  });

  it('gives up waiting once the grace period is over', async () => {
    const seen: Seen = { httpClosed: false, sandboxClosed: false };
    const service = await startService(
      collaborators(seen),
      config({ ...airbyteEnv, SHUTDOWN_GRACE_MS: '30' }),
    );
    let release: () => void = () => {};
    seen.deps!.background.spawn(() => new Promise<void>((resolve) => (release = resolve)));
    expect(await service.stop()).to.deep.equal({ drained: false });
    expect(seen.deps!.background.running()).to.equal(1);
    release();
  });
});
