import { expect } from 'chai';
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

  it('/v1/updateacl takes refs[] and completes', async () => {
    const answer = await h.call('POST', '/v1/updateacl', { refs: ['user:a', 'group:b'], provisionInfo });
    expect(answer.status).to.equal(200);
    expect(bodyOf<{ status: string }>(answer).status).to.equal('COMPLETED');
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

  it('reverse provisioning is a 400 that says it is not supported, on both routes', async () => {
    const started = await h.call('POST', '/v1/reverse-provisioning', {
      useCaseTemplateId: 'urn:x',
      environment: 'dev',
    });
    expect(started.status).to.equal(400);
    expect(bodyOf<{ userMessage: string }>(started).userMessage).to.match(
      /no reverse provisioning|does not support reverse provisioning/,
    );
    const status = await h.call('GET', '/v1/reverse-provisioning/any/status');
    expect(status.status).to.equal(400);
    expect(bodyOf<{ userMessage: string }>(status).userMessage).to.match(
      /does not support reverse provisioning/,
    );
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
