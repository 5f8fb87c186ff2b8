/**
 * How one HTTP request reaches Airbyte and its whole answer comes back. The default goes through
 * node:http and node:https with keep-alive agents: Node 20's fetch costs several times the CPU per call
 * (WHATWG streams, an AbortSignal and a Headers list per request), which was a third of the
 * provisioner's CPU when a hundred deploys ran at once (BENCHMARKS.md, concurrency). A `fetch` can still
 * be given instead (tests count calls through one).
 */
// the modules themselves, not their named exports: `request` is looked up at each call, as test doubles
// of the network (nock) replace it after this module has loaded
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface HttpRequestInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
}

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
  /** A response header by lower-case name, or null. */
  readonly header: (name: string) => string | null;
}

/** Rejects on a network failure or an abort, with the error as the platform gives it. */
export type HttpExchange = (url: string, init: HttpRequestInit) => Promise<HttpAnswer>;

/** An idle kept-alive socket is closed before common server timeouts (5 s) would close it under us. */
const IDLE_SOCKET_MS = 4_000;

const headerOf =
  (response: IncomingMessage) =>
  (name: string): string | null => {
    const value = response.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };

export const nodeHttpExchange = (): HttpExchange => {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };
  return (url, init) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const send = secure ? https.request : http.request;
      const agent = secure ? agents['https:'] : agents['http:'];
      const headers =
        init.body === undefined
          ? init.headers
          : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
      const request = send(
        target,
        { method: init.method, headers, agent, signal: init.signal },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              header: headerOf(response),
            }),
          );
          // a connection lost in the middle of the body ends the response without 'end'
          response.on('close', () => {
            if (!response.complete)
              reject(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' }));
          });
        },
      );
      request.on('error', reject);
      request.end(init.body);
    });
};

/** The same exchange over a WHATWG fetch. */
export const fetchExchange =
  (fetchImpl: typeof fetch): HttpExchange =>
  async (url, init) => {
    const response = await fetchImpl(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: init.signal,
    });
    const text = await response.text();
    return { status: response.status, text, header: (name) => response.headers.get(name) };
  };
