/**
 * The HTTP load client: autocannon, driven from this process, against one server at a time. Both servers
 * of a comparison get the same client, connections, duration and kind of bodies (each request a new one).
 */
import autocannon from 'autocannon';
import type { BodySource } from './requests.js';

export const CONNECTIONS = 10;

/**
 * Answers per second of one autocannon run of `seconds` (fractions too); throws if any answer was not a
 * 2xx. autocannon ends a run at its next sample tick and counts the answers up to it, so the tick is set
 * to the window: with the default 1 s tick, a 0.5 s run read for a whole second.
 */
const answersPerSecond = async (
  what: string,
  options: autocannon.Options,
  seconds: number,
): Promise<number> => {
  const result = await autocannon({ ...options, duration: seconds, sampleInt: seconds * 1000 });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(`${what}: ${failed} of ${result.requests.total} requests failed or answered non-2xx`);
  }
  return result.requests.total / result.duration;
};

/** Answers per second of `GET url` over `seconds`, on `connections` connections. */
export const getsPerSecond = (url: string, connections: number, seconds: number): Promise<number> =>
  answersPerSecond(`GET ${url}`, { url, connections }, seconds);

/** Requests per second of `POST url` over `seconds`, each request a new body. */
export const requestsPerSecond = (url: string, bodies: BodySource, seconds: number): Promise<number> =>
  answersPerSecond(
    `POST ${url}`,
    {
      url,
      connections: CONNECTIONS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: bodies.next() }),
        },
      ],
    },
    seconds,
  );
