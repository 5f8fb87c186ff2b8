/** The default exchange over node:http, against a real local server that misbehaves on purpose. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { nodeHttpExchange } from '../../src/http/http-exchange.js';

describe('nodeHttpExchange', () => {
  let server: Server;
  let url: string;
  const received: Array<{ method: string | undefined; headers: Record<string, unknown>; body: string }> = [];

  before(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ method: request.method, headers: request.headers, body });
        if (request.url === '/cut') {
          // promise 100 bytes, send 5, then lose the connection
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          response.write('{"dat');
          setTimeout(() => response.socket?.destroy(), 20);
          return;
        }
        if (request.url === '/slow') {
          setTimeout(() => response.end('late'), 500);
          return;
        }
        response.writeHead(429, { 'retry-after': '3', 'x-many': ['a', 'b'] });
        response.end('{"detail":"slow down ✓"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, headers and body with its length, and returns status, text and headers', async () => {
    const answer = await nodeHttpExchange()(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"é"}',
      signal: new AbortController().signal,
    });
    expect([answer.status, answer.text, answer.header('retry-after'), answer.header('x-many')]).to.deep.equal(
      [429, '{"detail":"slow down ✓"}', '3', 'a, b'],
    );
    expect(answer.header('absent')).to.equal(null);
    const last = received.at(-1)!;
    expect([last.method, last.headers['content-length'], last.body]).to.deep.equal([
      'POST',
      '13',
      '{"name":"é"}',
    ]);
  });

  it('rejects an answer cut off in the middle of its body', async () => {
    const outcome = await nodeHttpExchange()(`${url}/cut`, {
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
    }).then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
    expect(outcome).to.be.oneOf(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE']);
  });

  it('rejects when aborted while waiting for the answer', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const outcome = await nodeHttpExchange()(`${url}/slow`, {
      method: 'GET',
      headers: {},
      signal: controller.signal,
    }).then(
      () => 'answered',
      (error: { name?: string }) => error.name,
    );
    expect(outcome).to.equal('AbortError');
  });

  it('rejects when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await nodeHttpExchange()(`http://127.0.0.1:${port}/`, {
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
    }).then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
    expect(outcome).to.equal('ECONNREFUSED');
  });
});
