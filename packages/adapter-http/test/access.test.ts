import { expect } from 'chai';
import {
  internal,
  unknownTask,
  type ReverseProvisioningResult,
  type TaskView,
} from '@airbyte-provisioner/core';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { startHarness, type Harness } from './support/harness.js';
import { bodyOf, legacy, provisionInfo } from './support/requests.js';

describe('updateacl and reverse provisioning', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('legacy updateacl takes acl {users, groups} and completes', async () => {
    const answer = await h.call('POST', `${legacy}/updateacl`, {
      acl: { users: ['user:a'], groups: ['g'] },
      provisionInfo,
    });
    expect(answer.status).to.equal(200);
    expect(bodyOf<{ status: string }>(answer).status).to.equal('COMPLETED');
  });

  it('/v1/updateacl takes refs[]: in async mode a token, polled on the provision status route', async () => {
    const answer = await h.call('POST', '/v1/updateacl', { refs: ['user:a', 'group:b'], provisionInfo });
    expect(answer.status).to.equal(202);
    let status = await h.call('GET', `/v1/provision/${answer.text}/status`);
    for (let i = 0; i < 200 && bodyOf<{ status: string }>(status).status === 'RUNNING'; i += 1) {
      await new Promise((done) => setTimeout(done, 5));
      status = await h.call('GET', `/v1/provision/${answer.text}/status`);
    }
    expect(bodyOf<{ status: string }>(status).status).to.equal('COMPLETED');
  });

  it('/v1/updateacl in sync mode completes at once', async () => {
    const sync = await startHarness({ provisionMode: 'sync' });
    try {
      const answer = await sync.call('POST', '/v1/updateacl', { refs: ['user:a'], provisionInfo });
      expect(answer.status).to.equal(200);
      expect(bodyOf<{ status: string }>(answer).status).to.equal('COMPLETED');
    } finally {
      await sync.close();
    }
  });

  it('each route refuses the other shape with 400 naming the missing field', async () => {
    const legacyWithRefs = await h.call('POST', `${legacy}/updateacl`, { refs: [], provisionInfo });
    expect(legacyWithRefs.status).to.equal(400);
    expect(legacyWithRefs.body).to.include({ inputErrorField: 'acl' });
    const refsWithAcl = await h.call('POST', '/v1/updateacl', {
      acl: { users: [], groups: [] },
      provisionInfo,
    });
    expect(refsWithAcl.status).to.equal(400);
    expect(refsWithAcl.body).to.include({ inputErrorField: 'refs' });
    const wrongTypes = await h.call('POST', '/v1/updateacl', { refs: [1], provisionInfo: { request: 2 } });
    expect(wrongTypes.status).to.equal(400);
    expect(bodyOf<{ errors: string[] }>(wrongTypes).errors).to.have.length(2);
  });

  it('reverse provisioning without a connection to import is a 400 naming params; an unknown token a 400', async () => {
    const started = await h.call('POST', '/v1/reverse-provisioning', {
      useCaseTemplateId: 'urn:x',
      environment: 'dev',
    });
    expect(started.status).to.equal(400);
    expect(started.body).to.include({ inputErrorField: 'params' });
    const both = await h.call('POST', '/v1/reverse-provisioning', {
      useCaseTemplateId: 'urn:x',
      environment: 'dev',
      params: { connectionId: 'c', connectionName: 'n' },
    });
    expect(both.status).to.equal(400);
    expect(JSON.stringify(both.body)).to.include('not both');
    const status = await h.call('GET', '/v1/reverse-provisioning/never-issued/status');
    expect(status.status).to.equal(400);
  });

  it('reverse provisioning with an ill-typed body is a 400 about the field', async () => {
    const answer = await h.call('POST', '/v1/reverse-provisioning', {
      useCaseTemplateId: 1,
      environment: 'dev',
    });
    expect(answer.status).to.equal(400);
    expect(answer.body).to.include({ inputErrorField: 'useCaseTemplateId' });
  });
});

describe('reverse provisioning answers', () => {
  const result: ReverseProvisioningResult = {
    updates: { 'spec.mesh.specific.connection': { name: 'orders' } },
    logs: [{ timestamp: '2026-01-01T00:00:00.000Z', level: 'INFO', message: 'Imported connection "orders"' }],
  };
  const views: Readonly<Record<string, TaskView<ReverseProvisioningResult>>> = {
    running: { status: 'RUNNING' },
    done: { status: 'COMPLETED', value: result },
    failed: {
      status: 'FAILED',
      failure: {
        error: internal('x'),
        logs: [{ timestamp: '2026-01-01T00:00:00.000Z', level: 'ERROR', message: 'no connection named "x"' }],
      },
    },
  };
  let h: Harness;
  before(async () => {
    h = await startHarness({
      useCases: {
        reverseProvision: () => TE.right('rp-1'),
        getReverseProvisioningStatus: (token) => {
          if (token === 'broken') return TE.left(internal('the task store failed'));
          const view = views[token];
          return view === undefined ? TE.left(unknownTask(token)) : TE.right(view);
        },
      },
    });
  });
  after(() => h.close());

  it('starts with 202 and the bare token as text', async () => {
    const answer = await h.call('POST', '/v1/reverse-provisioning', {
      useCaseTemplateId: 'urn:x',
      environment: 'dev',
      params: { connectionName: 'orders' },
    });
    expect(answer.status).to.equal(202);
    expect(answer.text).to.equal('rp-1');
  });

  it('answers RUNNING and FAILED with updates {}, COMPLETED with the updates; a store failure is a 500', async () => {
    const running = await h.call('GET', '/v1/reverse-provisioning/running/status');
    expect(running.body).to.deep.equal({ status: 'RUNNING', updates: {} });
    const done = await h.call('GET', '/v1/reverse-provisioning/done/status');
    expect(done.body).to.deep.equal({ status: 'COMPLETED', updates: result.updates, logs: result.logs });
    const failed = await h.call('GET', '/v1/reverse-provisioning/failed/status');
    expect(failed.body).to.deep.include({ status: 'FAILED', updates: {} });
    const broken = await h.call('GET', '/v1/reverse-provisioning/broken/status');
    expect(broken.status).to.equal(500);
  });
});
