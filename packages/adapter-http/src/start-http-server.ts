/**
 * Listens, and closes gracefully: stop accepting, let in-flight requests end, then drop their sockets at
 * once rather than after the keep-alive timeout (Node's close only drops the sockets idle when it is called).
 * What must not wait longer (a grace period over, a client that sent half a request and stalled) calls
 * close again: that drops every connection still open.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';

const IDLE_SWEEP_MS = 10;

export interface RunningHttpServer {
  readonly url: string;
  readonly server: Server;
  /**
   * Stops accepting, and resolves once every connection has ended: requests in flight are answered first,
   * idle keep-alive connections are dropped at once. Called again while connections remain, it stops
   * waiting for them: every connection still open is dropped, requests in flight unanswered.
   */
  readonly close: () => Promise<void>;
}

export const startHttpServer = (
  app: Koa<never> | Koa,
  options: { readonly port: number; readonly host: string },
): Promise<RunningHttpServer> =>
  new Promise((resolve, reject) => {
    const handle = (app as Koa).callback();
    const server = createServer((req, res) => void handle(req, res));
    server.keepAliveTimeout = 5_000;
    server.once('error', reject);
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      if (closing !== undefined) {
        server.closeAllConnections();
        return closing;
      }
      closing = new Promise<void>((done) => {
        // a socket whose answer ends after this is idle at once: it is dropped within a few ms (watched
        // only while closing, so a request costs nothing for it; unref'd, so it never holds the process)
        const dropIdle = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
        server.close(() => {
          clearInterval(dropIdle);
          done();
        });
        server.closeIdleConnections();
      });
      return closing;
    };
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({ url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, server, close });
    });
  });
