/**
 * The composition root in-process: the container resolves every binding, and the whole server (container,
 * HTTP adapter, gateway) works against a sandbox Airbyte in sync and async modes, with the API token on.
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

  it('resolves every port and service from the container', () => {
    const container = buildContainer(collaborators, configFor(sandbox), { logFd: 2 }, [httpModule()]);
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
