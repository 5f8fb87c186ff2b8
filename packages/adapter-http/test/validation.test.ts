import { expect } from 'chai';
import { statusUseCases, sampleResult } from './support/fake-use-cases.js';
import { startHarness, type Harness } from './support/harness.js';
import { bodyOf, exampleRequest, families, tokenOf, waitForStatus } from './support/requests.js';

describe('validate', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  for (const { name, prefix } of families) {
    it(`${name}: answers 200 {valid: true} for a valid descriptor`, async () => {
      const answer = await h.call('POST', `${prefix}/validate`, exampleRequest());
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({ valid: true });
    });

    it(`${name}: answers 200 {valid: false} with every problem as "path: message"`, async () => {
      const answer = await h.call(
        'POST',
        `${prefix}/validate`,
        exampleRequest({ descriptor: 'dataProduct: {}\ncomponentIdToProvision: 7' }),
      );
      expect(answer.status).to.equal(200);
      const { valid, error } = bodyOf<{ valid: boolean; error: { errors: string[] } }>(answer);
      expect(valid).to.equal(false);
      expect(error.errors).to.not.be.empty;
      for (const line of error.errors) expect(line).to.match(/^[\w.[\]]+: \S/);
    });

    it(`${name}: answers 400 for an envelope it cannot decode, naming the field`, async () => {
      const answer = await h.call('POST', `${prefix}/validate`, { descriptorKind: 'COMPONENT_DESCRIPTOR' });
      expect(answer.status).to.equal(400);
      expect(answer.body).to.include({ inputErrorField: 'descriptor' });
    });
  }

  it('/v2/validate answers 202 with a JSON string token, then COMPLETED with the result', async () => {
    const accepted = await h.call('POST', '/v2/validate', exampleRequest());
    expect(accepted.headers.get('content-type')).to.match(/^application\/json/);
    const token = tokenOf(accepted);
    expect(token).to.match(/^[\w-]+$/);
    const done = await waitForStatus(h, `/v2/validate/${token}/status`);
    expect(done.body).to.deep.equal({ status: 'COMPLETED', info: { publicInfo: { valid: true } } });
  });

  it('/v2/validate reports an invalid descriptor in the COMPLETED status', async () => {
    const token = tokenOf(await h.call('POST', '/v2/validate', exampleRequest({ descriptor: 'x: [' })));
    const done = await waitForStatus(h, `/v2/validate/${token}/status`);
    const { status, info } = bodyOf<{ status: string; info: { publicInfo: { valid: boolean } } }>(done);
    expect(status).to.equal('COMPLETED');
    expect(info.publicInfo.valid).to.equal(false);
  });

  it('/v2/validate status accepts the token with the JSON quotes kept', async () => {
    const token = tokenOf(await h.call('POST', '/v2/validate', exampleRequest()));
    const done = await waitForStatus(h, `/v2/validate/${encodeURIComponent(`"${token}"`)}/status`);
    expect(bodyOf<{ status: string }>(done).status).to.equal('COMPLETED');
  });

  it('/v2/validate rejects a body it cannot decode with 400 at once', async () => {
    const answer = await h.call('POST', '/v2/validate', exampleRequest({ descriptorKind: 'NOPE' }));
    expect(answer.status).to.equal(400);
    expect(answer.body).to.include({ inputErrorField: 'descriptorKind' });
  });

  it('/v2/validate status answers 400 for an unknown token', async () => {
    const answer = await h.call('GET', '/v2/validate/no-such-token/status');
    expect(answer.status).to.equal(400);
    expect(bodyOf<{ userMessage: string }>(answer).userMessage).to.match(/unknown or expired/);
  });
});

describe('validation status while running and after a failure', () => {
  it('answers RUNNING, then FAILED, in the ValidationStatus shape', async () => {
    const running = await startHarness({
      useCases: statusUseCases({ status: 'RUNNING' }, { status: 'RUNNING' }),
    });
    try {
      expect((await running.call('GET', '/v2/validate/t/status')).body).to.deep.equal({ status: 'RUNNING' });
    } finally {
      await running.close();
    }
    const failed = await startHarness({
      useCases: statusUseCases(
        { status: 'COMPLETED', value: sampleResult },
        { status: 'FAILED', failure: { error: { _tag: 'Internal', message: 'x' }, logs: [] } },
      ),
    });
    try {
      const answer = await failed.call('GET', '/v2/validate/t/status');
      expect(answer.body).to.deep.equal({
        status: 'FAILED',
        info: {
          publicInfo: {
            valid: false,
            error: { errors: ['Internal error: x Report this to the platform team.'] },
          },
        },
      });
    } finally {
      await failed.close();
    }
  });
});
