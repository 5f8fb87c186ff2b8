import { expect } from 'chai';
import { startHarness, type Harness } from './support/harness.js';
import { exampleRequest, legacy, provisionInfo } from './support/requests.js';

const token = 'tok-3f9a';
const protectedCalls: ReadonlyArray<readonly [string, string, object?]> = [
  ['POST', `${legacy}/validate`, exampleRequest()],
  ['POST', `${legacy}/provision`, exampleRequest()],
  ['GET', `${legacy}/provision/t/status`],
  ['POST', `${legacy}/unprovision`, exampleRequest()],
  ['POST', `${legacy}/updateacl`, { acl: { users: [], groups: [] }, provisionInfo }],
  ['POST', '/v1/validate', exampleRequest()],
  ['POST', '/v2/validate', exampleRequest()],
  ['GET', '/v2/validate/t/status'],
  ['POST', '/v1/plan', exampleRequest()],
  ['POST', '/v1/provision', exampleRequest()],
  ['GET', '/v1/provision/t/status'],
  ['POST', '/v1/unprovision', exampleRequest()],
  ['POST', '/v1/updateacl', { refs: [], provisionInfo }],
  ['POST', '/v1/reverse-provisioning', { useCaseTemplateId: 'u', environment: 'e' }],
  ['GET', '/v1/reverse-provisioning/t/status'],
];
const openCalls = ['/', '/health', '/ready', '/metrics', '/openapi.yaml', '/docs'];

describe('API token', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ apiToken: token });
  });
  after(() => h.close());

  it('every provisioning route answers 401 JSON without the token, and nothing runs', async () => {
    h.deps.gateway.resetCalls();
    for (const [method, path, body] of protectedCalls) {
      const answer = await h.call(method, path, body);
      expect(answer.status, `${method} ${path}`).to.equal(401);
      expect(answer.headers.get('www-authenticate')).to.equal('Bearer');
      expect(answer.body).to.include.keys('error', 'userMessage', 'moreInfo');
    }
    expect(h.deps.gateway.counts().total).to.equal(0);
  });

  it('a wrong token, a shorter or longer one, or another scheme is refused', async () => {
    for (const authorization of [
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Basic ${token}`,
      token,
      'Bearer ',
      `bearer  ${token}`,
    ]) {
      const answer = await h.call('POST', '/v1/validate', exampleRequest(), { Authorization: authorization });
      expect(answer.status, authorization).to.equal(401);
    }
  });

  it('the Bearer scheme is case-insensitive, the token is not', async () => {
    for (const scheme of ['bearer', 'BEARER']) {
      const answer = await h.call('POST', '/v1/validate', exampleRequest(), {
        Authorization: `${scheme} ${token}`,
      });
      expect(answer.status, scheme).to.equal(200);
    }
    const upper = await h.call('POST', '/v1/validate', exampleRequest(), {
      Authorization: `Bearer ${token.toUpperCase()}`,
    });
    expect(upper.status).to.equal(401);
  });

  it('the right token lets every provisioning route through', async () => {
    for (const [method, path, body] of protectedCalls) {
      const answer = await h.call(method, path, body, { Authorization: `Bearer ${token}` });
      expect(answer.status, `${method} ${path}`).to.not.equal(401);
    }
  });

  it('health, ready, metrics and the docs (and / that redirects to them) need no token', async () => {
    for (const path of openCalls) {
      expect((await h.call('GET', path)).status, path).to.equal(path === '/' ? 302 : 200);
    }
  });

  it('never echoes the token in an answer or a log line', () => {
    expect(h.logText()).to.not.include(token);
  });
});

describe('no API token configured', () => {
  it('serves every route without Authorization', async () => {
    const h = await startHarness();
    try {
      for (const [method, path, body] of protectedCalls) {
        expect((await h.call(method, path, body)).status, `${method} ${path}`).to.not.equal(401);
      }
    } finally {
      await h.close();
    }
  });
});
