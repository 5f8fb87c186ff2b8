import { expect } from 'chai';
import { throwingUseCases } from './support/fake-use-cases.js';
import { startHarness, type Harness } from './support/harness.js';
import { bodyOf, exampleRequest, families } from './support/requests.js';

describe('unknown routes, wrong methods and bugs', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ useCases: throwingUseCases('db password hunter2 at /srv/app/secret.ts:12') });
  });
  after(() => h.close());

  it('an unknown route is 404 JSON, in both families and outside them', async () => {
    for (const path of [
      '/nope',
      '/v1/nope',
      '/v3/validate',
      '/datamesh.airbytespecificprovisioner/0.0/nope',
      '/datamesh.other/0.0/validate',
    ]) {
      const answer = await h.call('GET', path);
      expect(answer.status, path).to.equal(404);
      expect(answer.body).to.include.keys('error', 'userMessage', 'moreInfo');
    }
  });

  it('a wrong method is 405 JSON with the Allow header', async () => {
    for (const { prefix } of families) {
      const post = await h.call('GET', `${prefix}/provision`);
      expect(post.status).to.equal(405);
      expect(post.headers.get('allow')).to.match(/POST/);
      expect(bodyOf<{ moreInfo: { solutions: string[] } }>(post).moreInfo.solutions[0]).to.match(/POST/);
      const get = await h.call('DELETE', `${prefix}/provision/t/status`);
      expect(get.status).to.equal(405);
      expect(get.headers.get('allow')).to.match(/GET/);
    }
    expect((await h.call('POST', '/health', {})).status).to.equal(405);
  });

  it('any version segment reaches the legacy family', async () => {
    for (const version of ['0.0', '1', '2.2.0', 'v9']) {
      const answer = await h.call(
        'GET',
        `/datamesh.airbytespecificprovisioner/${version}/provision/t/status`,
      );
      expect(answer.status, version).to.equal(400);
    }
  });

  it('a use case that throws or rejects is a 500 SystemError that leaks nothing of the internals', async () => {
    for (const path of ['/v1/validate', '/v1/provision']) {
      const answer = await h.call('POST', path, exampleRequest(), { 'X-Request-Id': 'bug-1' });
      expect(answer.status, path).to.equal(500);
      expect(answer.body).to.have.keys('error', 'userMessage', 'moreInfo');
      expect(answer.text).to.not.match(/hunter2|\/srv\/app|secret\.ts|at /);
      expect(answer.headers.get('x-request-id')).to.equal('bug-1');
    }
    const logged = h.logs().filter((l) => l['requestId'] === 'bug-1' && l['level'] === 50);
    expect(logged, 'the bug is logged, for the operator').to.not.be.empty;
  });
});

describe('provision mode sync with throwing use case', () => {
  it('a sync provision that throws is a 500 as well', async () => {
    const h = await startHarness({ provisionMode: 'sync', useCases: throwingUseCases('boom') });
    try {
      const answer = await h.call(
        'POST',
        '/datamesh.airbytespecificprovisioner/0.0/provision',
        exampleRequest(),
      );
      expect(answer.status).to.equal(500);
      expect(answer.text).to.not.include('boom');
    } finally {
      await h.close();
    }
  });
});
