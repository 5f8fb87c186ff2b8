import { expect } from 'chai';
import { secrets, startHarness, type Harness } from './support/harness.js';
import { exampleRequest, tokenOf, waitForStatus } from './support/requests.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids and logs', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ apiToken: 'tok' });
  });
  after(() => h.close());
  const auth = { Authorization: 'Bearer tok' };

  it('returns a sane caller X-Request-Id as is', async () => {
    const answer = await h.call('POST', '/v1/validate', exampleRequest(), {
      ...auth,
      'X-Request-Id': 'req-123.a:b_c',
    });
    expect(answer.headers.get('x-request-id')).to.equal('req-123.a:b_c');
  });

  it('replaces a missing, overlong or odd X-Request-Id with a new UUID', async () => {
    for (const given of [undefined, 'has spaces', 'x'.repeat(129), '<script>', 'a\tb']) {
      const answer = await h.call(
        'GET',
        '/health',
        undefined,
        given === undefined ? {} : { 'X-Request-Id': given },
      );
      expect(answer.headers.get('x-request-id'), given).to.match(uuid);
    }
  });

  it('sets the header on every kind of answer: 401, 404, 405, 413', async () => {
    const answers = [
      await h.call('POST', '/v1/provision', exampleRequest()),
      await h.call('GET', '/nope', undefined, auth),
      await h.call('GET', '/v1/provision', undefined, auth),
      await h.call('POST', '/v1/validate', exampleRequest({ descriptor: 'x'.repeat(6 * 1024 * 1024) }), auth),
    ];
    expect(answers.map((a) => a.status)).to.deep.equal([401, 404, 405, 413]);
    for (const answer of answers) expect(answer.headers.get('x-request-id')).to.match(uuid);
  });

  it('puts the request id on every log line of a request, with route, status and duration', async () => {
    const token = tokenOf(
      await h.call('POST', '/v1/provision', exampleRequest(), { ...auth, 'X-Request-Id': 'trace-7' }),
    );
    await waitForStatus(h, `/v1/provision/${token}/status`);
    const lines = h.logs().filter((l) => l['requestId'] === 'trace-7');
    expect(lines.map((l) => l['msg'])).to.include.members(['operation requested', 'request completed']);
    // the core's own line about the deploy, written in the background, names the request too
    expect(lines.some((l) => String(l['msg']).startsWith('Deployed Airbyte connection'))).to.equal(true);
    const done = lines.find((l) => l['msg'] === 'request completed');
    expect(done).to.include({ method: 'POST', route: '/v1/provision', status: 202 });
    expect(done?.['durationMs']).to.be.a('number');
    for (const line of h.logs()) expect(line, JSON.stringify(line)).to.have.property('requestId');
  });

  it('never logs a descriptor, a body, a token or a secret', async () => {
    await h.call('POST', '/v1/provision', exampleRequest({ descriptor: 'x: "marker-in-descriptor"' }), auth);
    const text = h.logText();
    for (const needle of [...secrets, 'marker-in-descriptor', 'epidemiology', 'dataProduct', 'Bearer tok']) {
      expect(text).to.not.include(needle);
    }
  });
});
