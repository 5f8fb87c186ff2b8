/** A port nothing listens on right now: for a server to start on, or for an Airbyte that is not there. */
import { createServer } from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/**
 * An Airbyte that cannot be reached and stays so: a port held for as long as the test needs it, every
 * connection reset at once. A port merely found free can be taken meanwhile by another process's server
 * (which then answers, say, 404), so a test that needs nothing there holds the port instead.
 */
export const resettingPort = (): Promise<{ readonly port: number; readonly close: () => Promise<void> }> =>
  new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.resetAndDestroy());
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
