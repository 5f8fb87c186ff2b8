import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import {
  airbyte,
  harness,
  networkFailure,
  NOW,
  PREFIX,
  run,
  setUpNock,
  SOURCE_ID,
  sourceResponse,
} from './fixtures.js';

const PATH = `${PREFIX}/sources/${SOURCE_ID}`;

describe('AirbytePublicApiGateway retries', () => {
  setUpNock();

  it('retries transient failures of a read with exponential backoff and full jitter', async () => {
    // random() = 0.5: half of min(maxDelay, base * 2^(n-1))
    const { gateway, sleeps } = harness({ retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 } });
    airbyte().get(PATH).reply(503, '');
    airbyte().get(PATH).reply(502, '');
    airbyte().get(PATH).reply(504, '');
    airbyte().get(PATH).replyWithError(networkFailure('ECONNRESET', 'socket hang up'));
    airbyte().get(PATH).reply(200, sourceResponse());
    const result = await run(gateway.findActorById('source', SOURCE_ID));
    expect(E.isRight(result)).to.equal(true);
    expect(sleeps).to.deep.equal([50, 100, 150, 150]);
  });

  it('draws each delay uniformly below the cap', async () => {
    const draws = [0, 0.999];
    const { gateway, sleeps } = harness({
      random: () => draws.shift() ?? 0,
      retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 },
    });
    airbyte().get(PATH).times(2).reply(503, '');
    airbyte().get(PATH).reply(200, sourceResponse());
    await run(gateway.findActorById('source', SOURCE_ID));
    expect(sleeps).to.deep.equal([0, 1998]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { gateway, sleeps } = harness({ retry: { maxAttempts: 3, baseDelayMs: 100 } });
    airbyte().get(PATH).times(3).reply(503, { detail: 'down for maintenance' });
    expect(await run(gateway.findActorById('source', SOURCE_ID))).to.deep.equal(
      E.left({
        _tag: 'AirbyteUnavailable',
        detail: `GET /sources/${SOURCE_ID}: Airbyte is unavailable (503): down for maintenance`,
      }),
    );
    expect(sleeps).to.deep.equal([50, 100]);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const { gateway, sleeps } = harness();
    airbyte().get(PATH).reply(429, { detail: 'slow down' }, { 'Retry-After': '3' });
    airbyte().get(PATH).reply(200, sourceResponse());
    expect(E.isRight(await run(gateway.findActorById('source', SOURCE_ID)))).to.equal(true);
    expect(sleeps).to.deep.equal([3000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { gateway, sleeps } = harness();
    const at = new Date(NOW + 7000).toUTCString();
    airbyte().get(PATH).reply(503, '', { 'Retry-After': at });
    airbyte().get(PATH).reply(200, sourceResponse());
    expect(E.isRight(await run(gateway.findActorById('source', SOURCE_ID)))).to.equal(true);
    expect(sleeps).to.deep.equal([7000]);
  });

  it('falls back to backoff when Retry-After cannot be read', async () => {
    const { gateway, sleeps } = harness();
    airbyte().get(PATH).reply(429, '', { 'Retry-After': 'soon' });
    airbyte().get(PATH).reply(200, sourceResponse());
    await run(gateway.findActorById('source', SOURCE_ID));
    expect(sleeps).to.deep.equal([125]);
  });

  it('stops when Retry-After asks for longer than the longest delay', async () => {
    const { gateway, sleeps } = harness({ retry: { maxDelayMs: 5000 } });
    airbyte().get(PATH).once().reply(429, { detail: 'quota' }, { 'Retry-After': '60' });
    const result = await run(gateway.findActorById('source', SOURCE_ID));
    expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteUnavailable');
    expect(sleeps).to.deep.equal([]);
  });

  for (const status of [400, 401, 403, 409, 422, 500]) {
    it(`does not retry ${status}`, async () => {
      const { gateway, sleeps } = harness();
      airbyte().get(PATH).once().reply(status, {});
      const result = await run(gateway.findActorById('source', SOURCE_ID));
      expect(E.isLeft(result)).to.equal(true);
      expect(sleeps).to.deep.equal([]);
    });
  }

  it('does not retry a body that fails to decode', async () => {
    const { gateway, sleeps } = harness();
    airbyte().get(PATH).once().reply(200, { nonsense: true });
    const result = await run(gateway.findActorById('source', SOURCE_ID));
    expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteBadResponse');
    expect(sleeps).to.deep.equal([]);
  });

  it('times a call out, reports it, and retries it', async () => {
    const { gateway, sleeps, calls } = harness({ timeoutMs: 30 });
    airbyte().get(PATH).delay(300).reply(200, sourceResponse());
    airbyte().get(PATH).reply(200, sourceResponse());
    expect(E.isRight(await run(gateway.findActorById('source', SOURCE_ID)))).to.equal(true);
    expect(sleeps).to.deep.equal([125]);
    expect(calls.map((c) => [c.method, c.path, c.outcome, c.status])).to.deep.equal([
      ['GET', '/sources/{sourceId}', 'timeout', undefined],
      ['GET', '/sources/{sourceId}', 'ok', 200],
    ]);
  });

  it('reports a timeout as unavailable once retries run out', async () => {
    const { gateway } = harness({ timeoutMs: 30, retry: { maxAttempts: 1 } });
    airbyte().get(PATH).delay(300).reply(200, sourceResponse());
    expect(await run(gateway.findActorById('source', SOURCE_ID))).to.deep.equal(
      E.left({
        _tag: 'AirbyteUnavailable',
        detail: `GET /sources/${SOURCE_ID}: Airbyte did not answer within 30 ms`,
      }),
    );
  });

  it('reports a reset connection as unavailable, with the cause', async () => {
    const { gateway, calls } = harness({ retry: { maxAttempts: 1 } });
    airbyte().get(PATH).replyWithError(networkFailure('ECONNRESET', 'socket hang up'));
    expect(await run(gateway.findActorById('source', SOURCE_ID))).to.deep.equal(
      E.left({
        _tag: 'AirbyteUnavailable',
        detail: `GET /sources/${SOURCE_ID}: could not reach Airbyte (ECONNRESET)`,
      }),
    );
    expect(calls.map((c) => c.outcome)).to.deep.equal(['network']);
  });

  it('reports each call to onCall with the path template and its duration', async () => {
    const { gateway, calls, clock } = harness({
      fetch: async (input, init) => {
        clock.now += 42;
        return globalThis.fetch(input, init);
      },
    });
    airbyte().get(PATH).reply(200, sourceResponse());
    await run(gateway.findActorById('source', SOURCE_ID));
    expect(calls).to.deep.equal([
      { method: 'GET', path: '/sources/{sourceId}', durationMs: 42, outcome: 'ok', status: 200 },
    ]);
  });

  it('retries DELETE like any idempotent call', async () => {
    const { gateway, sleeps } = harness();
    airbyte().delete(PATH).reply(503, '');
    airbyte().delete(PATH).reply(204);
    expect(await run(gateway.deleteActor('source', SOURCE_ID))).to.deep.equal(E.right(undefined));
    expect(sleeps).to.deep.equal([125]);
  });
});
