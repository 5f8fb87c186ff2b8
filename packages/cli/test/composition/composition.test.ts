/**
 * The composition root in-process: the container resolves every binding, and the whole server (container,
 * HTTP adapter, gateway) works against a sandbox Airbyte in sync and async modes, with the API token on,
 * keeps tasks within TASK_MAX_COUNT and TASK_TTL_SECONDS, and counts the gateway's calls in /metrics.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import {
  AirbyteGatewayToken,
  ClockToken,
  DeploymentRecordRepositoryToken,
  IdGeneratorToken,
  LockToken,
  LoggerToken,
  ProvisioningTaskRepositoryToken,
  SecretFingerprinterToken,
  ValidationTaskRepositoryToken,
} from '@airbyte-provisioner/core';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { buildContainer } from '../../src/container/build-container.js';
import { httpModule } from '../../src/container/http.module.js';
import { resolve } from '../../src/container/resolve.js';
import {
  BackgroundWorkToken,
  CoreDepsToken,
  HttpAppToken,
  MetricsToken,
  UseCasesToken,
} from '../../src/container/tokens.js';
import { startService, type RunningService } from '../../src/server/start-service.js';
import { loadCollaborators } from '../../src/collaborators/load-collaborators.js';
import type { Collaborators } from '../../src/collaborators/collaborators.js';
import { example } from '../support/child-cli.js';

type Sandbox = Awaited<ReturnType<typeof startAirbyteSandbox>>;

const API_TOKEN = 'an-api-token-of-some-length';

const configFor = (sandbox: Sandbox, env: Record<string, string> = {}): AppConfig => {
  const loaded = loadConfig({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      AIRBYTE_API_URL: sandbox.url,
      AIRBYTE_WORKSPACE_ID: sandbox.workspaceId,
      AIRBYTE_CLIENT_ID: sandbox.credentials.clientId,
      AIRBYTE_CLIENT_SECRET: sandbox.credentials.clientSecret,
      ...env,
    },
    readTextFile: () => E.left('no file in this test'),
  });
  if (E.isLeft(loaded)) throw new Error(JSON.stringify(loaded.left));
  return loaded.right;
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('composition root', () => {
  let sandbox: Sandbox;
  let request: string;
  let collaborators: Collaborators;
  before(async () => {
    collaborators = await loadCollaborators();
    sandbox = await startAirbyteSandbox({ host: '127.0.0.1' });
    request = await readFile(example('provision-request.json'), 'utf8');
  });
  after(() => sandbox.close());

  it('resolves every port and service from the container', async () => {
    const container = await buildContainer(collaborators, configFor(sandbox), { logFd: 2 }, [httpModule()]);
    for (const token of [
      AirbyteGatewayToken,
      ClockToken,
      IdGeneratorToken,
      LockToken,
      SecretFingerprinterToken,
      LoggerToken,
      ProvisioningTaskRepositoryToken,
      ValidationTaskRepositoryToken,
      DeploymentRecordRepositoryToken,
      BackgroundWorkToken,
      CoreDepsToken,
      UseCasesToken,
      MetricsToken,
      HttpAppToken,
    ]) {
      expect(container.get(token), String(token)).not.to.equal(undefined);
    }
    const deps = resolve(container, CoreDepsToken);
    expect(deps.workspaceId).to.equal(sandbox.workspaceId);
    expect(deps.lock).to.equal(resolve(container, LockToken));
  });

  describe('the server', () => {
    let service: RunningService | undefined;
    afterEach(async () => {
      await service?.stop();
      service = undefined;
    });

    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${service!.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: request,
      });

    it('in sync mode answers provision and unprovision with the final status', async () => {
      service = await startService(collaborators, configFor(sandbox, { PROVISION_MODE: 'sync' }));
      const provisioned = await post('/v1/provision');
      expect(provisioned.status).to.equal(200);
      expect(((await provisioned.json()) as { status: string }).status).to.equal('COMPLETED');
      const removed = await post('/v1/unprovision');
      expect(removed.status).to.equal(200);
      expect(((await removed.json()) as { status: string }).status).to.equal('COMPLETED');
    });

    it('in async mode answers a token whose status completes', async () => {
      service = await startService(collaborators, configFor(sandbox));
      const accepted = await post('/datamesh.airbytespecificprovisioner/0.0/provision');
      expect(accepted.status).to.equal(202);
      const token = await accepted.text();
      let status = 'RUNNING';
      for (let i = 0; i < 200 && status === 'RUNNING'; i++) {
        const body = (await (await fetch(`${service.url}/v1/provision/${token}/status`)).json()) as {
          status: string;
        };
        status = body.status;
        if (status === 'RUNNING') await sleep(20);
      }
      expect(status).to.equal('COMPLETED');
    });

    it('with API_TOKEN, refuses provisioning calls without the bearer token', async () => {
      service = await startService(collaborators, configFor(sandbox, { API_TOKEN, PROVISION_MODE: 'sync' }));
      expect((await post('/v1/validate')).status).to.equal(401);
      expect((await post('/v1/validate', { Authorization: `Bearer ${API_TOKEN}` })).status).to.equal(200);
      expect((await fetch(`${service.url}/health`)).status).to.equal(200);
    });

    /** Polls a status route until it leaves RUNNING; answers the last HTTP status and body. */
    const settled = async (
      path: string,
    ): Promise<{ code: number; body: { status?: string; error?: string } }> => {
      for (let i = 0; i < 200; i++) {
        const answer = await fetch(`${service!.url}${path}`);
        const body = (await answer.json()) as { status?: string; error?: string };
        if (body.status !== 'RUNNING') return { code: answer.status, body };
        await sleep(10);
      }
      throw new Error(`${path} stayed RUNNING`);
    };

    const statusCode = async (path: string): Promise<number> =>
      (await fetch(`${service!.url}${path}`)).status;

    const UNKNOWN = /unknown or expired/;

    it('TASK_MAX_COUNT=3: a fourth finished validation or provision drops the oldest token, not the newest', async () => {
      service = await startService(collaborators, configFor(sandbox, { TASK_MAX_COUNT: '3' }));
      for (const [submit, status] of [
        ['/v2/validate', (token: string) => `/v2/validate/${token}/status`],
        ['/v1/provision', (token: string) => `/v1/provision/${token}/status`],
      ] as const) {
        const tokens: string[] = [];
        for (let i = 0; i < 4; i++) {
          const accepted = await post(submit);
          expect(accepted.status, submit).to.equal(202);
          const text = await accepted.text();
          // /v2/validate answers a JSON string, the 2.2.0 provision route the bare token
          const token = text.startsWith('"') ? (JSON.parse(text) as string) : text;
          tokens.push(token);
          expect((await settled(status(token))).body.status, submit).to.equal('COMPLETED');
        }
        const oldest = await settled(status(tokens[0]!));
        expect(oldest.code, submit).to.equal(400);
        expect(JSON.stringify(oldest.body), submit).to.match(UNKNOWN);
        for (const kept of tokens.slice(1)) expect(await statusCode(status(kept)), submit).to.equal(200);
      }
    });

    it('TASK_TTL_SECONDS=1: a finished task can be read for a second, then its token is unknown', async () => {
      service = await startService(collaborators, configFor(sandbox, { TASK_TTL_SECONDS: '1' }));
      const accepted = await post('/v2/validate');
      const path = `/v2/validate/${JSON.parse(await accepted.text()) as string}/status`;
      expect((await settled(path)).code).to.equal(200);
      await sleep(1100);
      const expired = await settled(path);
      expect(expired.code).to.equal(400);
      expect(JSON.stringify(expired.body)).to.match(UNKNOWN);
    });

    it("/metrics counts the gateway's Airbyte calls and their latency", async () => {
      // an Airbyte of its own, so that the provision creates its source rather than finding it
      const fresh = await startAirbyteSandbox({ host: '127.0.0.1' });
      let sourceCreations: number;
      let metrics: string;
      try {
        service = await startService(collaborators, configFor(fresh, { PROVISION_MODE: 'sync' }));
        expect((await post('/v1/provision')).status).to.equal(200);
        sourceCreations = fresh.calls().filter((c) => c.method === 'POST' && c.path === '/sources').length;
        metrics = await (await fetch(`${service.url}/metrics`)).text();
      } finally {
        await fresh.close();
      }
      const calls = metrics.match(
        /^provisioner_airbyte_calls_total\{[^}]*method="POST"[^}]*path="\/sources"[^}]*\} (\d+)$/m,
      );
      expect(calls, metrics).not.to.equal(null);
      expect(Number(calls![1])).to.equal(sourceCreations).and.be.greaterThan(0);
      expect(metrics).to.match(
        /^provisioner_airbyte_call_duration_seconds_count\{[^}]*method="POST"[^}]*path="\/sources"[^}]*\} [1-9]/m,
      );
      expect(metrics).to.match(/^provisioner_airbyte_call_duration_seconds_bucket\{[^}]*le="\+Inf"/m);
    });

    it('--sandbox embeds its own Airbyte and ignores the configured one', async () => {
      const config = configFor(sandbox, {
        PROVISION_MODE: 'sync',
        AIRBYTE_API_URL: 'http://127.0.0.1:9/api/public/v1',
      });
      service = await startService(collaborators, config, { sandbox: {} });
      expect(service.sandboxUrl).to.be.a('string').and.not.equal(sandbox.url);
      expect((await post('/v1/provision')).status).to.equal(200);
    });
  });
});
