import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import { openApiDocument } from '../src/index.js';
import { failingUseCases } from './support/fake-use-cases.js';
import { startHarness, type Harness } from './support/harness.js';
import { bodyOf, exampleRequest } from './support/requests.js';

describe('operations routes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('/health answers 200 without calling any use case', async () => {
    const down = await startHarness({
      useCases: {
        ...failingUseCases({ _tag: 'Internal', message: 'x' }),
        checkReady: () => {
          throw new Error('must not be called');
        },
      },
    });
    try {
      const answer = await down.call('GET', '/health');
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({ status: 'UP' });
    } finally {
      await down.close();
    }
  });

  it('/ready answers 200 when Airbyte accepts us, 503 with the reason when it does not', async () => {
    expect((await h.call('GET', '/ready')).body).to.deep.equal({ status: 'READY' });
    h.deps.gateway.failNext('checkWorkspace', {
      _tag: 'AirbyteUnauthorized',
      status: 401,
      detail: 'bad token',
    });
    const answer = await h.call('GET', '/ready');
    expect(answer.status).to.equal(503);
    expect(bodyOf<{ status: string; reason: string }>(answer).reason).to.match(/bad token/);
  });

  it('/ready with replicated state: 503 until the store is ready, and Airbyte reported in the body only', async () => {
    let store = { ready: false, reason: 'the database cannot be reached' };
    const replicated = await startHarness({
      stateReadiness: () => Promise.resolve({ ...store, store: 'postgresql', airbyteGatesReadiness: false }),
    });
    try {
      const down = await replicated.call('GET', '/ready');
      expect(down.status).to.equal(503);
      expect(down.body).to.deep.equal({
        status: 'NOT_READY',
        reason: 'the database cannot be reached',
        state: 'postgresql',
        airbyte: 'REACHABLE',
      });
      store = { ready: true } as typeof store;
      replicated.deps.gateway.failNext('checkWorkspace', { _tag: 'AirbyteUnavailable', detail: 'blinked' });
      const up = await replicated.call('GET', '/ready');
      expect(up.status).to.equal(200);
      expect(up.body).to.include({ status: 'READY', state: 'postgresql' });
      expect(bodyOf<{ airbyte: string }>(up).airbyte).to.match(/^UNREACHABLE: .*blinked/);
    } finally {
      await replicated.close();
    }
  });

  it('/ready with in-memory state says so, and Airbyte still decides', async () => {
    const single = await startHarness({
      stateReadiness: () =>
        Promise.resolve({ ready: true, store: 'in-memory (one process)', airbyteGatesReadiness: true }),
    });
    try {
      expect((await single.call('GET', '/ready')).body).to.deep.equal({
        status: 'READY',
        state: 'in-memory (one process)',
        airbyte: 'REACHABLE',
      });
      single.deps.gateway.failNext('checkWorkspace', { _tag: 'AirbyteUnavailable', detail: 'down' });
      expect((await single.call('GET', '/ready')).status).to.equal(503);
    } finally {
      await single.close();
    }
  });

  it('/metrics serves requests by route template and status, latency histograms, outcomes and Airbyte calls', async () => {
    await h.call('POST', '/v1/validate', exampleRequest());
    await h.call('GET', '/v1/provision/some-token/status');
    h.metrics.recordAirbyteCall({
      method: 'POST',
      path: '/sources',
      status: 201,
      durationMs: 12,
      outcome: 'ok',
    });
    h.metrics.recordAirbyteCall({
      method: 'GET',
      path: '/sources/{sourceId}',
      durationMs: 30_000,
      outcome: 'timeout',
    });
    const answer = await h.call('GET', '/metrics');
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.match(/^text\/plain/);
    expect(answer.text).to.match(
      /provisioner_http_requests_total\{route="\/v1\/validate",method="POST",status="200"\} 1/,
    );
    // the template, never the token
    expect(answer.text).to.match(/route="\/v1\/provision\/:token\/status",method="GET",status="400"/);
    expect(answer.text).to.not.include('some-token');
    expect(answer.text).to.match(
      /provisioner_http_request_duration_seconds_bucket\{le="0.005",route="\/v1\/validate"/,
    );
    expect(answer.text).to.match(
      /provisioner_airbyte_calls_total\{method="POST",path="\/sources",status="201",outcome="ok"\} 1/,
    );
    expect(answer.text).to.match(
      /provisioner_airbyte_call_duration_seconds_count\{method="GET",path="\/sources\/\{sourceId\}"\} 1/,
    );
    expect(answer.text).to.match(
      /provisioner_airbyte_call_errors_total\{method="GET",path="\/sources\/\{sourceId\}",outcome="timeout"\} 1/,
    );
    expect(answer.text).to.include('provisioner_operations_total');
  });

  it('/openapi.yaml serves this very document as YAML', async () => {
    const answer = await h.call('GET', '/openapi.yaml');
    expect(answer.headers.get('content-type')).to.match(/^application\/yaml/);
    expect(parseYaml(answer.text)).to.deep.equal(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it('/docs renders every route and schema of the document as HTML that needs no other host', async () => {
    const answer = await h.call('GET', '/docs');
    expect(answer.headers.get('content-type')).to.match(/^text\/html/);
    for (const path of Object.keys(openApiDocument.paths)) expect(answer.text).to.include(path);
    for (const schema of Object.keys(openApiDocument.components.schemas))
      expect(answer.text).to.include(`id="schema-${schema}"`);
    // one inline script (the copy buttons), nothing loaded from anywhere
    expect(answer.text).to.not.match(/<script[^>]*\ssrc=|(src|href)="https?:/);
  });
});
