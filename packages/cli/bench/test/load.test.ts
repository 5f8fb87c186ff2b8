import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { getsPerSecond, requestsPerSecond } from '../src/harness/load.js';

/** A server answering `status` to every request and keeping each request's body. */
const recording = async (
  status: number,
): Promise<{ readonly url: string; readonly bodies: string[]; readonly close: () => Promise<void> }> => {
  const bodies: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/validate`,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

describe('bench load client', () => {
  it('posts a new body from the source with every request, and answers a rate', async () => {
    const server = await recording(200);
    let next = 0;
    try {
      const rate = await requestsPerSecond(
        server.url,
        { next: () => JSON.stringify({ n: (next += 1) }), handedOut: () => next },
        0.2,
      );
      expect(rate).to.be.greaterThan(0);
      expect(server.bodies.length).to.be.greaterThan(1);
      expect(new Set(server.bodies).size).to.equal(server.bodies.length);
    } finally {
      await server.close();
    }
  });

  it('refuses a run with answers other than 2xx, naming the request', async () => {
    const server = await recording(500);
    try {
      const failure = await getsPerSecond(server.url, 2, 0.2).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).to.be.instanceOf(Error);
      expect((failure as Error).message).to.match(
        new RegExp(`^GET ${server.url}: \\d+ of \\d+ requests failed or answered non-2xx$`),
      );
    } finally {
      await server.close();
    }
  });
});
