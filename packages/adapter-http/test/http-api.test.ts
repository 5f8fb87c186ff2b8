import { Ajv } from 'ajv';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import { openApiDocument } from '../src/index.js';
import {
  exampleRequest,
  legacy,
  recorded,
  startHarness,
  waitForStatus,
  type Harness,
} from './http-harness.js';

const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
].join('\n');

describe('HTTP API (async mode, no auth)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  for (const prefix of [legacy, '/v1']) {
    it(`${prefix}: validates a valid and an invalid descriptor`, async () => {
      const ok = await h.call('POST', `${prefix}/validate`, exampleRequest());
      expect(ok).to.include({ status: 200 });
      expect(ok.body).to.deep.equal({ valid: true });
      const bad = await h.call(
        'POST',
        `${prefix}/validate`,
        exampleRequest({ descriptor: 'dataProduct: 1' }),
      );
      expect(bad.status).to.equal(200);
      expect((bad.body as { valid: boolean }).valid).to.equal(false);
      expect((bad.body as { error: { errors: string[] } }).error.errors.join('\n')).to.match(
        /componentIdToProvision/,
      );
    });

    it(`${prefix}: provisions asynchronously, then reports COMPLETED with info and logs, then unprovisions`, async () => {
      const accepted = await h.call('POST', `${prefix}/provision`, exampleRequest());
      expect(accepted.status).to.equal(202);
      expect(accepted.headers.get('content-type')).to.match(/^text\/plain/);
      const done = await waitForStatus(h, `${prefix}/provision/${accepted.text}/status`);
      const body = done.body as {
        status: string;
        info: { privateInfo: { airbyte: { connectionId: string } } };
        logs: unknown[];
      };
      expect(body.status).to.equal('COMPLETED');
      expect(body.info.privateInfo.airbyte.connectionId).to.be.a('string');
      expect(body.logs).to.not.be.empty;
      const removal = await h.call('POST', `${prefix}/unprovision`, exampleRequest());
      expect(removal.status).to.equal(202);
      const removed = await waitForStatus(h, `${prefix}/provision/${removal.text}/status`);
      expect((removed.body as { status: string }).status).to.equal('COMPLETED');
      expect(h.deps.gateway.listConnections()).to.have.length(0);
    });

    it(`${prefix}: answers 400 for an unknown token, saying the deploy can be sent again`, async () => {
      const answer = await h.call('GET', `${prefix}/provision/nope/status`);
      expect(answer.status).to.equal(400);
      expect((answer.body as { userMessage: string }).userMessage).to.match(/unknown or expired/);
      expect(JSON.stringify(answer.body)).to.match(/safe/);
    });
  }

  it('reports a FAILED task with the failing step when Airbyte fails', async () => {
    h.deps.gateway.failNext('createActor', { _tag: 'AirbyteUnavailable', detail: 'connection reset' });
    const accepted = await h.call('POST', '/v1/provision', exampleRequest());
    const done = await waitForStatus(h, `/v1/provision/${accepted.text}/status`);
    const body = done.body as { status: string; result: string };
    expect(body.status).to.equal('FAILED');
    expect(body.result).to.match(/failed: Airbyte unavailable: connection reset/);
  });

  it('rejects an invalid descriptor at once with 400 and the field path', async () => {
    const answer = await h.call(
      'POST',
      '/v1/provision',
      exampleRequest({ descriptorKind: 'DATAPRODUCT_DESCRIPTOR' }),
    );
    expect(answer.status).to.equal(400);
    expect(answer.body).to.include({ inputErrorField: 'descriptorKind' });
  });

  it('rejects bad envelopes with 400 RequestValidationError, never 500', async () => {
    const cases: Array<[unknown, Record<string, string>?]> = [
      ['{not json'],
      [''],
      [{ descriptorKind: 'COMPONENT_DESCRIPTOR' }],
      [{ descriptorKind: 'WHAT', descriptor: 'x' }],
      [{ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: 42 }],
      ['[1,2,3]'],
      ['"just a string"'],
      [exampleRequest(), { 'Content-Type': 'text/plain' }],
      [{ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: 'a: "\u0000"' }],
    ];
    for (const [body, headers] of cases) {
      const answer = await h.call('POST', '/v1/provision', body, headers);
      expect(answer.status, JSON.stringify(body).slice(0, 60)).to.equal(400);
      expect(answer.body).to.have.keys([
        'errors',
        'userMessage',
        'moreInfo',
        ...(Object.keys(answer.body as object).includes('inputErrorField') ? ['inputErrorField'] : []),
      ]);
    }
  });

  it('answers a 10 MB body with 413', async () => {
    const answer = await h.call(
      'POST',
      '/v1/validate',
      exampleRequest({ descriptor: 'x'.repeat(10 * 1024 * 1024) }),
    );
    expect(answer.status).to.equal(413);
  });

  it('survives an alias bomb and deep nesting with a validation error', async () => {
    const bomb = await h.call('POST', '/v1/validate', exampleRequest({ descriptor: aliasBomb }));
    expect(bomb.status).to.equal(200);
    expect((bomb.body as { valid: boolean }).valid).to.equal(false);
    const deep = await h.call(
      'POST',
      '/v1/validate',
      exampleRequest({ descriptor: `${'['.repeat(5000)}${']'.repeat(5000)}` }),
    );
    expect(deep.status).to.equal(200);
    expect((deep.body as { valid: boolean }).valid).to.equal(false);
    const deepJson = await h.call('POST', '/v1/validate', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`);
    expect(deepJson.status).to.equal(400);
  });

  it('validates asynchronously on /v2/validate', async () => {
    const accepted = await h.call('POST', '/v2/validate', exampleRequest());
    expect(accepted.status).to.equal(202);
    const done = await waitForStatus(h, `/v2/validate/${accepted.text}/status`);
    expect(done.body).to.deep.equal({ status: 'COMPLETED', info: { publicInfo: { valid: true } } });
    expect((await h.call('GET', '/v2/validate/unknown/status')).status).to.equal(400);
  });

  it('accepts updateacl in both shapes', async () => {
    const provisionInfo = { request: JSON.stringify(exampleRequest()), result: 'ok' };
    const legacyAnswer = await h.call('POST', `${legacy}/updateacl`, {
      acl: { users: ['user:a'], groups: [] },
      provisionInfo,
    });
    expect(legacyAnswer.status).to.equal(200);
    expect((legacyAnswer.body as { status: string }).status).to.equal('COMPLETED');
    const refsAnswer = await h.call('POST', '/v1/updateacl', { refs: ['user:a'], provisionInfo });
    expect(refsAnswer.status).to.equal(200);
    const wrongShape = await h.call('POST', '/v1/updateacl', {
      acl: { users: [], groups: [] },
      provisionInfo,
    });
    expect(wrongShape.status).to.equal(400);
  });

  it('says reverse provisioning is not supported with a 400', async () => {
    const answer = await h.call('POST', '/v1/reverse-provisioning', {
      useCaseTemplateId: 'urn:x',
      environment: 'dev',
    });
    expect(answer.status).to.equal(400);
    expect((answer.body as { userMessage: string }).userMessage).to.match(/reverse provisioning/);
    expect((await h.call('GET', '/v1/reverse-provisioning/x/status')).status).to.equal(400);
  });

  it('serves health, ready, metrics, the OpenAPI document and the docs page', async () => {
    expect((await h.call('GET', '/health')).status).to.equal(200);
    expect((await h.call('GET', '/ready')).status).to.equal(200);
    const metrics = await h.call('GET', '/metrics');
    expect(metrics.text).to.match(/provisioner_http_requests_total\{route="\/v1\/validate"/);
    const doc = await h.call('GET', '/openapi.yaml');
    expect((parseYaml(doc.text) as { paths: object }).paths).to.have.property('/v1/provision');
    expect((await h.call('GET', '/docs')).text).to.match(/<table>/);
  });

  it('is not ready when Airbyte fails', async () => {
    h.deps.gateway.failNext('checkWorkspace', {
      _tag: 'AirbyteUnauthorized',
      status: 401,
      detail: 'bad token',
    });
    const answer = await h.call('GET', '/ready');
    expect(answer.status).to.equal(503);
  });

  it('answers unknown routes with 404 and wrong methods with 405, in JSON', async () => {
    const missing = await h.call('GET', '/nope');
    expect(missing.status).to.equal(404);
    expect(missing.body).to.have.property('error');
    const wrong = await h.call('GET', '/v1/provision');
    expect(wrong.status).to.equal(405);
    expect(wrong.headers.get('allow')).to.match(/POST/);
  });

  it('returns the caller request id, or a new one, and logs it with no descriptor or secret', async () => {
    const given = await h.call('POST', '/v1/validate', exampleRequest(), { 'X-Request-Id': 'req-123' });
    expect(given.headers.get('x-request-id')).to.equal('req-123');
    const generated = await h.call('GET', '/health', undefined, { 'X-Request-Id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    const logs = h.logLines.join('');
    expect(logs).to.include('"requestId":"req-123"');
    expect(logs).to.not.include('sn0w-s3cret');
    expect(logs).to.not.include('epidemiology.csv');
  });
});

describe('HTTP API (sync mode, with an API token)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ provisionMode: 'sync', apiToken: 'tok-123' });
  });
  after(() => h.close());
  const auth = { Authorization: 'Bearer tok-123' };

  it('requires the token on provisioning routes but not on health', async () => {
    expect((await h.call('POST', '/v1/validate', exampleRequest())).status).to.equal(401);
    expect(
      (await h.call('POST', '/v1/validate', exampleRequest(), { Authorization: 'Bearer wrong' })).status,
    ).to.equal(401);
    expect((await h.call('GET', '/health')).status).to.equal(200);
    expect((await h.call('POST', '/v1/validate', exampleRequest(), auth)).status).to.equal(200);
  });

  it('provisions synchronously with 200 COMPLETED, and a failure becomes a 500 SystemError without secrets', async () => {
    const done = await h.call('POST', `${legacy}/provision`, exampleRequest(), auth);
    expect(done.status).to.equal(200);
    expect((done.body as { status: string }).status).to.equal('COMPLETED');
    expect(JSON.stringify(done.body)).to.not.include('sn0w-s3cret');
    const removed = await h.call('POST', '/v1/unprovision', exampleRequest(), auth);
    expect(removed.status).to.equal(200);
    h.deps.gateway.failNext('createActor', { _tag: 'AirbyteRejected', status: 422, detail: 'bad config' });
    const failed = await h.call('POST', '/v1/provision', exampleRequest(), auth);
    expect(failed.status).to.equal(500);
    expect((failed.body as { userMessage: string }).userMessage).to.match(
      /failed: Airbyte rejected: bad config/,
    );
    expect(JSON.stringify(failed.body)).to.not.include('sn0w-s3cret');
  });
});

describe('every response of this suite', () => {
  it('matches the OpenAPI document', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    ajv.addSchema({ ...openApiDocument, $id: 'doc' });
    const paths = openApiDocument.paths as Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
    >;
    const templates = Object.keys(paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
    }));
    let checked = 0;
    for (const r of recorded) {
      const match = templates.find((t) => t.pattern.test(r.path));
      if (match === undefined) continue; // unknown routes: 404s are not part of the document
      const operation = paths[match.template]?.[r.method.toLowerCase()];
      if (operation === undefined) continue; // a wrong method (405) is not an operation of the document
      const response = operation.responses[String(r.status)];
      expect(response, `${r.method} ${r.path} → ${r.status} is documented`).to.not.equal(undefined);
      const schema = response?.content?.['application/json']?.schema;
      if (schema === undefined || !r.contentType.includes('json')) continue;
      const validate = ajv.compile({ $ref: `doc${(schema as { $ref?: string }).$ref ?? ''}` });
      expect(
        validate(r.body),
        `${r.method} ${r.path} → ${r.status}: ${ajv.errorsText(validate.errors)}`,
      ).to.equal(true);
      checked++;
    }
    expect(checked).to.be.greaterThan(30);
  });
});
