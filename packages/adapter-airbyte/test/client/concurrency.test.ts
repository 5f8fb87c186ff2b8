import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import nock from 'nock';
import { airbyte, harness, networkFailure, ORIGIN, PREFIX, run, setUpNock, WS } from './fixtures.js';

describe('AirbytePublicApiGateway concurrency bound', () => {
  setUpNock();

  const counting = () => {
    const state = { inFlight: 0, max: 0 };
    const fetchCounting: typeof fetch = async (input, init) => {
      state.inFlight += 1;
      state.max = Math.max(state.max, state.inFlight);
      try {
        return await globalThis.fetch(input, init);
      } finally {
        state.inFlight -= 1;
      }
    };
    return { state, fetchCounting };
  };

  it('never has more calls in flight than maxConcurrentCalls', async () => {
    const { state, fetchCounting } = counting();
    const { gateway } = harness({ maxConcurrentCalls: 2, fetch: fetchCounting });
    airbyte().get(`${PREFIX}/workspaces/${WS}`).times(7).delay(15).reply(200, { workspaceId: WS });
    const results = await Promise.all(Array.from({ length: 7 }, () => run(gateway.checkWorkspace())));
    expect(results.every(E.isRight)).to.equal(true);
    expect(state.max).to.equal(2);
  });

  it('uses the permits it has: calls do run in parallel up to the bound', async () => {
    const { state, fetchCounting } = counting();
    const { gateway } = harness({ maxConcurrentCalls: 4, fetch: fetchCounting });
    airbyte().get(`${PREFIX}/workspaces/${WS}`).times(4).delay(15).reply(200, { workspaceId: WS });
    await Promise.all(Array.from({ length: 4 }, () => run(gateway.checkWorkspace())));
    expect(state.max).to.equal(4);
  });

  it('does not deadlock when a single permit is shared by the token request and the call', async () => {
    const { gateway } = harness({
      maxConcurrentCalls: 1,
      auth: { type: 'clientCredentials', clientId: 'id', clientSecret: 'secret-1' },
    });
    nock(ORIGIN)
      .post(`${PREFIX}/applications/token`)
      .times(2)
      .reply(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 180 });
    airbyte('Bearer tok').get(`${PREFIX}/workspaces/${WS}`).reply(401, {});
    airbyte('Bearer tok').get(`${PREFIX}/workspaces/${WS}`).times(2).reply(200, { workspaceId: WS });
    const results = await Promise.all([run(gateway.checkWorkspace()), run(gateway.checkWorkspace())]);
    expect(results).to.deep.equal([E.right(undefined), E.right(undefined)]);
  });

  it('releases the permit of a failed call', async () => {
    const { gateway } = harness({ maxConcurrentCalls: 1, retry: { maxAttempts: 1 } });
    airbyte().get(`${PREFIX}/workspaces/${WS}`).replyWithError(networkFailure('ECONNREFUSED'));
    airbyte().get(`${PREFIX}/workspaces/${WS}`).reply(500, {});
    airbyte().get(`${PREFIX}/workspaces/${WS}`).reply(200, { workspaceId: WS });
    await run(gateway.checkWorkspace());
    await run(gateway.checkWorkspace());
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });
});
