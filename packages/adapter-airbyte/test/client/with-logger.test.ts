import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import nock from 'nock';
import {
  airbyte,
  captureLogger,
  harness,
  ORIGIN,
  PREFIX,
  run,
  setUpNock,
  WS,
  type LogLine,
} from './fixtures.js';

describe('AirbytePublicApiGateway withLogger', () => {
  setUpNock();

  it("writes an operation's lines through the logger it is given, the base logger seeing none of them", async () => {
    const { gateway, logs } = harness();
    const mine: LogLine[] = [];
    const scoped = gateway.withLogger(captureLogger(mine));
    airbyte().get(`${PREFIX}/workspaces/${WS}`).reply(503, {});
    airbyte().get(`${PREFIX}/workspaces/${WS}`).reply(200, { workspaceId: WS });
    expect(await run(scoped.checkWorkspace())).to.deep.equal(E.right(undefined));
    expect(mine.map((l) => `${l.level} ${l.message}`)).to.deep.equal([
      'debug airbyte call',
      'warn Airbyte call failed, retrying: GET /workspaces/11111111-1111-4111-8111-111111111111: Airbyte is unavailable (503)',
      'debug airbyte call',
    ]);
    expect(logs).to.deep.equal([]);
  });

  it('shares the permits and the token of the gateway it comes from', async () => {
    const { gateway } = harness({
      maxConcurrentCalls: 1,
      auth: { type: 'clientCredentials', clientId: 'id', clientSecret: 'secret-1' },
    });
    // one token for both views
    nock(ORIGIN)
      .post(`${PREFIX}/applications/token`)
      .once()
      .reply(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 180 });
    let inFlight = 0;
    let most = 0;
    airbyte('Bearer tok')
      .get(`${PREFIX}/workspaces/${WS}`)
      .times(2)
      .delay(20)
      .reply(() => {
        most = Math.max(most, ++inFlight);
        setTimeout(() => (inFlight -= 1), 0);
        return [200, { workspaceId: WS }];
      });
    const scoped = gateway.withLogger(captureLogger([]));
    const both = await Promise.all([run(gateway.checkWorkspace()), run(scoped.checkWorkspace())]);
    expect(both).to.deep.equal([E.right(undefined), E.right(undefined)]);
    expect(most).to.equal(1);
  });
});
