import { Agent, request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { startHarness, type Answer, type Harness } from './support/harness.js';
import { aliasBomb, bodyOf, exampleRequest, families } from './support/requests.js';

const tenMegabytes = 10 * 1024 * 1024;

const expectRequestValidationError = (answer: Answer, status = 400): void => {
  expect(answer.status, answer.text.slice(0, 200)).to.equal(status);
  expect(answer.body).to.include.keys('errors', 'userMessage', 'moreInfo');
  expect(bodyOf<{ errors: string[] }>(answer).errors).to.not.be.empty;
};

const chunks = (total: number, size = 64 * 1024): ReadableStream<Uint8Array> => {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(0x20));
      sent += size;
    },
  });
};

describe('hostile bodies never make a 500', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    // and the server is still healthy afterwards
    expect((await h.call('GET', '/health')).status).to.equal(200);
    await h.close();
  });

  for (const { name, prefix } of families) {
    it(`${name}: invalid JSON, empty body, null bytes and binary garbage are 400 RequestValidationError`, async () => {
      for (const body of [
        '{not json',
        '{"descriptorKind": "COMPONENT_DESCRIPTOR",',
        '',
        '\u0000\u0000\u0000',
        new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x7b]),
      ]) {
        expectRequestValidationError(await h.call('POST', `${prefix}/provision`, body));
      }
    });
  }

  it('JSON that is not an object is 400', async () => {
    for (const body of ['[1,2,3]', '"just a string"', 'null', '42', 'true']) {
      expectRequestValidationError(await h.call('POST', '/v1/validate', body));
    }
  });

  it('a body without Content-Type, or of another type, is 400 that names the expected type', async () => {
    const cases: Array<Record<string, string>> = [
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Content-Type': 'multipart/form-data; boundary=x' },
      { 'Content-Type': 'application/yaml' },
    ];
    for (const headers of cases) {
      const answer = await h.call('POST', '/v1/provision', JSON.stringify(exampleRequest()), headers);
      expectRequestValidationError(answer);
      expect(bodyOf<{ errors: string[] }>(answer).errors[0]).to.match(
        /Content-Type must be application\/json/,
      );
    }
    const bare = await fetch(`${h.url}/v1/provision`, { method: 'POST' });
    expect(bare.status).to.equal(400);
    expect(((await bare.json()) as { errors: string[] }).errors[0]).to.match(
      /Content-Type must be application\/json, got "none"/,
    );
    // the charset and letter case a client may add are still JSON
    for (const type of ['application/json; charset=utf-8', 'Application/JSON']) {
      const answer = await h.call('POST', '/v1/validate', JSON.stringify(exampleRequest()), {
        'Content-Type': type,
      });
      expect(answer.status).to.equal(200);
    }
  });

  it('missing and ill-typed fields are 400, each problem with its dot path', async () => {
    const cases: Array<[object, string]> = [
      [{}, 'descriptorKind'],
      [{ descriptorKind: 'COMPONENT_DESCRIPTOR' }, 'descriptor'],
      [{ descriptorKind: 'WHAT', descriptor: 'x' }, 'descriptorKind'],
      [{ descriptorKind: 7, descriptor: 'x' }, 'descriptorKind'],
      [{ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: { a: 1 } }, 'descriptor'],
      [exampleRequest({ removeData: 'yes' }), 'removeData'],
      [exampleRequest({ latestEnrichedDescriptor: 12 }), 'latestEnrichedDescriptor'],
    ];
    for (const [body, field] of cases) {
      const answer = await h.call('POST', '/v1/provision', body);
      expectRequestValidationError(answer);
      expect(answer.body, JSON.stringify(body)).to.include({ inputErrorField: field });
    }
  });

  it('a 10 MB body is 413 with the RequestValidationError shape', async () => {
    expectRequestValidationError(
      await h.call('POST', '/v1/validate', exampleRequest({ descriptor: 'x'.repeat(tenMegabytes) })),
      413,
    );
  });

  it('a 10 MB body sent in chunks, without Content-Length, is 413 too', async () => {
    expectRequestValidationError(await h.call('POST', '/v1/provision', chunks(tenMegabytes)), 413);
  });

  it('a gzip bomb is 413: the limit counts the inflated bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(tenMegabytes, 0x20));
    expect(bomb.length).to.be.lessThan(100 * 1024);
    const answer = await h.call('POST', '/v1/provision', new Uint8Array(bomb), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expectRequestValidationError(answer, 413);
  });

  it('reads and drops the rest of a refused body before answering: the client finishes sending, then gets the 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // whether the whole body had been sent when the answer came (answered early, a client still sending
    // sees the connection reset instead of the answer)
    const send = (path: string, body: Buffer): Promise<{ status: number; sentFirst: boolean }> =>
      new Promise((resolve, reject) => {
        let sent = false;
        const req = request(
          `${h.url}${path}`,
          { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } },
          (res) => {
            const sentFirst = sent;
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, sentFirst }));
          },
        );
        req.on('finish', () => (sent = true));
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect(await send('/v1/provision', Buffer.alloc(tenMegabytes, 0x20))).to.deep.equal({
        status: 413,
        sentFirst: true,
      });
      const next = await send('/v1/validate', Buffer.from(JSON.stringify(exampleRequest())));
      expect(next.status).to.equal(200);
    } finally {
      agent.destroy();
    }
  });

  it('an unknown Content-Encoding is 400, not 415 or 500', async () => {
    const answer = await h.call('POST', '/v1/provision', JSON.stringify(exampleRequest()), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'zstd-ish',
    });
    expectRequestValidationError(answer);
    expect(bodyOf<{ errors: string[] }>(answer).errors[0]).to.match(/Content-Encoding/);
  });

  it('deeply nested JSON is 400', async () => {
    for (const depth of [3_000, 200_000]) {
      expectRequestValidationError(
        await h.call('POST', '/v1/validate', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
      );
      expectRequestValidationError(
        await h.call('POST', '/v1/provision', `${'['.repeat(depth)}${']'.repeat(depth)}`),
      );
    }
  });

  it('an alias bomb and deeply nested YAML are reported as invalid descriptors', async () => {
    for (const descriptor of [
      aliasBomb,
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `${'- '.repeat(5_000)}x`,
      `${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}`,
    ]) {
      const validation = await h.call('POST', '/v1/validate', exampleRequest({ descriptor }));
      expect(validation.status).to.equal(200);
      expect(bodyOf<{ valid: boolean }>(validation).valid).to.equal(false);
      expectRequestValidationError(await h.call('POST', '/v1/provision', exampleRequest({ descriptor })));
    }
  });

  it('a descriptor with NUL bytes and control characters is an invalid descriptor, not a crash', async () => {
    for (const descriptor of ['a: "\u0000"', '\u0000\u0001\u0002', 'dataProduct:\n  id: "x\u0000y"']) {
      expectRequestValidationError(await h.call('POST', '/v1/provision', exampleRequest({ descriptor })));
    }
  });

  it('__proto__ and constructor keys pollute nothing', async () => {
    const body =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "descriptorKind": "COMPONENT_DESCRIPTOR"}';
    expectRequestValidationError(await h.call('POST', '/v1/provision', body));
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });
});
