import { expect } from 'chai';
import { failingUseCases } from './support/fake-use-cases.js';
import { secrets, startHarness, type Harness } from './support/harness.js';
import { bodyOf, exampleRequest, families } from './support/requests.js';

describe('provision and unprovision, sync mode', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ provisionMode: 'sync' });
  });
  after(() => h.close());

  for (const { name, prefix } of families) {
    it(`${name}: 200 COMPLETED with result, info and logs; unprovision 200 removes it`, async () => {
      const done = await h.call('POST', `${prefix}/provision`, exampleRequest());
      expect(done.status).to.equal(200);
      expect(done.body).to.include.keys('status', 'result', 'info', 'logs');
      expect(bodyOf<{ status: string }>(done).status).to.equal('COMPLETED');
      for (const secret of secrets) expect(done.text).to.not.include(secret);
      const removed = await h.call('POST', `${prefix}/unprovision`, exampleRequest());
      expect(removed.status).to.equal(200);
      expect(h.deps.gateway.listConnections()).to.have.length(0);
    });

    it(`${name}: 400 RequestValidationError for an invalid descriptor`, async () => {
      const answer = await h.call('POST', `${prefix}/provision`, exampleRequest({ descriptor: 'a: 1' }));
      expect(answer.status).to.equal(400);
      expect(answer.body).to.include.keys('errors', 'userMessage', 'inputErrorField', 'moreInfo');
    });

    it(`${name}: 500 SystemError when Airbyte rejects, saying what failed and what to do, no secret`, async () => {
      h.deps.gateway.failNext('createActor', { _tag: 'AirbyteRejected', status: 422, detail: 'bad config' });
      const failed = await h.call('POST', `${prefix}/provision`, exampleRequest());
      expect(failed.status).to.equal(500);
      const body = bodyOf<{ error: string; userMessage: string; moreInfo: { solutions: string[] } }>(failed);
      expect(body.userMessage).to.match(/failed: Airbyte rejected: bad config/);
      expect(body.moreInfo.solutions.join(' ')).to.match(/fix the descriptor/);
      for (const secret of secrets) expect(failed.text).to.not.include(secret);
    });
  }

  it('counts sync outcomes as COMPLETED and FAILED', async () => {
    const text = await h.metrics.registry.getSingleMetricAsString('provisioner_operations_total');
    expect(text).to.match(/operation="provision",status="COMPLETED"\} [1-9]/);
    expect(text).to.match(/operation="provision",status="FAILED"\} [1-9]/);
  });
});

describe('errors of the core, mapped to HTTP', () => {
  const cases = [
    { error: { _tag: 'InvalidRequest', problems: [{ path: 'a.b', message: 'is required' }] }, status: 400 },
    { error: { _tag: 'Unsupported', message: 'not here' }, status: 400 },
    { error: { _tag: 'UnknownTask', token: 't' }, status: 400 },
    {
      error: { _tag: 'StateConflict', step: 'find source', message: 'two named x', ids: ['1', '2'] },
      status: 500,
    },
    {
      error: {
        _tag: 'AirbyteFailure',
        step: 'create source',
        error: { _tag: 'AirbyteUnauthorized', status: 401, detail: 'no' },
      },
      status: 500,
    },
    { error: { _tag: 'Internal', message: 'oops' }, status: 500 },
  ] as const;
  for (const { error, status } of cases) {
    it(`${error._tag} → ${status}, in sync and async mode`, async () => {
      for (const provisionMode of ['sync', 'async'] as const) {
        const h = await startHarness({ provisionMode, useCases: failingUseCases(error) });
        try {
          const answer = await h.call('POST', '/v1/provision', exampleRequest());
          expect(answer.status, provisionMode).to.equal(status);
          expect(answer.body).to.include.keys(
            status === 400 ? ['errors', 'userMessage', 'moreInfo'] : ['error', 'userMessage', 'moreInfo'],
          );
          expect(
            (await h.call('POST', '/v1/updateacl', { refs: [], provisionInfo: { request: '{}' } })).status,
          ).to.equal(status);
        } finally {
          await h.close();
        }
      }
    });
  }
});
