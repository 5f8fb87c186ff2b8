import { expect } from 'chai';
import type { HttpUseCases } from '../src/index.js';
import { startHarness, type Harness } from './support/harness.js';
import { documentedPaths } from './support/recorder.js';
import { exampleRequest, provisionInfo } from './support/requests.js';

/** A valid body for each documented route that takes one. */
const validBodies: Record<string, object> = {
  validate: exampleRequest(),
  plan: exampleRequest(),
  provision: exampleRequest(),
  unprovision: exampleRequest(),
  updateacl: { acl: { users: [], groups: [] }, refs: [], provisionInfo },
  'reverse-provisioning': { useCaseTemplateId: 'urn:x', environment: 'dev' },
};

const operations = Object.entries(documentedPaths).flatMap(([template, methods]) =>
  Object.keys(methods).map((method) => ({
    method: method.toUpperCase(),
    path: template.replace('{version}', '0.0').replace('{token}', 'some-token'),
    body: validBodies[
      template
        .split('/')
        .filter((s) => !s.startsWith('{'))
        .pop() ?? ''
    ],
  })),
);
const withBody = operations.filter((o) => o.method === 'POST');
const provisioning = operations.filter(
  (o) => !['/', '/health', '/ready', '/metrics', '/openapi.yaml', '/docs'].includes(o.path),
);

/** Every use case is a bug: it rejects with internals in the message. */
const bugs = (): HttpUseCases => {
  const reject = () => () => Promise.reject(new Error('internal detail /srv/x.ts'));
  return {
    validate: reject,
    plan: reject,
    submitValidation: reject,
    getValidationStatus: reject,
    provision: reject,
    unprovision: reject,
    submitProvision: reject,
    submitUnprovision: reject,
    getProvisioningStatus: reject,
    updateAcl: reject,
    submitUpdateAcl: reject,
    reverseProvision: reject,
    getReverseProvisioningStatus: reject,
    checkReady: reject,
  };
};

describe('the generic answers of every route', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ bodyLimitBytes: 32 * 1024, useCases: bugs() });
  });
  after(() => h.close());

  it('every route with a body answers 400 to a body that is not JSON', async () => {
    for (const { method, path } of withBody) {
      expect((await h.call(method, path, '{"truncated":')).status, path).to.equal(400);
    }
  });

  it('every route with a body answers 413 beyond the configured limit', async () => {
    for (const { method, path } of withBody) {
      expect((await h.call(method, path, { padding: 'x'.repeat(64 * 1024) })).status, path).to.equal(413);
    }
  });

  it('every provisioning route that reaches a use case answers a bug with a 500 that leaks nothing', async () => {
    for (const { method, path, body } of provisioning.filter(
      (o) => o.path !== '/v1/reverse-provisioning/some-token/status',
    )) {
      const answer = await h.call(method, path, body);
      expect(answer.status, `${method} ${path}`).to.equal(500);
      expect(answer.text).to.not.include('/srv/x.ts');
    }
  });

  it('/ready treats a failing check as a 500, not as "not ready"', async () => {
    expect((await h.call('GET', '/ready')).status).to.equal(500);
  });
});
