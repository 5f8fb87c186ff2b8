import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import nock from 'nock';
import { harness, ORIGIN, PREFIX, run, setUpNock, WS } from './fixtures.js';

const CLIENT_ID = 'client-id-1';
const CLIENT_SECRET = 'client-secret-very-private';
const TOKEN_BODY = {
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
  grant_type: 'client_credentials',
  'grant-type': 'client_credentials',
};
const WORKSPACE = { workspaceId: WS, name: 'acme', dataResidency: 'auto', notifications: {} };

const credentialsHarness = () =>
  harness({ auth: { type: 'clientCredentials', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });

const tokenEndpoint = () =>
  nock(ORIGIN, {
    reqheaders: { 'content-type': 'application/json', accept: 'application/json' },
    badheaders: ['authorization'],
  }).post(`${PREFIX}/applications/token`, TOKEN_BODY);

const workspaceWith = (token: string) =>
  nock(ORIGIN, { reqheaders: { authorization: `Bearer ${token}` } }).get(`${PREFIX}/workspaces/${WS}`);

describe('AirbytePublicApiGateway authentication', () => {
  setUpNock();

  it('gets a token with client credentials, then sends it as a bearer token', async () => {
    const { gateway } = credentialsHarness();
    tokenEndpoint().reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-1').reply(200, WORKSPACE);
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('reuses the cached token while it is fresh', async () => {
    const { gateway, clock } = credentialsHarness();
    tokenEndpoint().once().reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-1').times(2).reply(200, WORKSPACE);
    await run(gateway.checkWorkspace());
    clock.now += 130_000; // 180 s lifetime, renewed 45 s early: still fresh
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('renews the token before it expires', async () => {
    const { gateway, clock } = credentialsHarness();
    tokenEndpoint().reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 180 });
    tokenEndpoint().reply(200, { access_token: 'tok-2', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-1').reply(200, WORKSPACE);
    workspaceWith('tok-2').reply(200, WORKSPACE);
    await run(gateway.checkWorkspace());
    clock.now += 136_000; // inside the last quarter of the lifetime
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('assumes a 3-minute lifetime when Airbyte omits expires_in', async () => {
    const { gateway, clock } = credentialsHarness();
    tokenEndpoint().reply(200, { access_token: 'tok-1' });
    tokenEndpoint().reply(200, { access_token: 'tok-2' });
    workspaceWith('tok-1').times(2).reply(200, WORKSPACE);
    workspaceWith('tok-2').reply(200, WORKSPACE);
    await run(gateway.checkWorkspace());
    clock.now += 130_000;
    await run(gateway.checkWorkspace());
    clock.now += 10_000;
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('fetches one token for many concurrent calls', async () => {
    const { gateway } = credentialsHarness();
    tokenEndpoint()
      .once()
      .delay(20)
      .reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-1').times(3).reply(200, WORKSPACE);
    const results = await Promise.all([1, 2, 3].map(() => run(gateway.checkWorkspace())));
    expect(results).to.deep.equal([E.right(undefined), E.right(undefined), E.right(undefined)]);
  });

  it('retries once with a fresh token when Airbyte answers 401', async () => {
    const { gateway } = credentialsHarness();
    tokenEndpoint().reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 180 });
    tokenEndpoint().reply(200, { access_token: 'tok-2', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-1').reply(401, { title: 'unauthorized', detail: 'token revoked' });
    workspaceWith('tok-2').reply(200, WORKSPACE);
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('gives up after one retry when the fresh token is refused too', async () => {
    const { gateway } = credentialsHarness();
    tokenEndpoint().reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 180 });
    tokenEndpoint().reply(200, { access_token: 'tok-2', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-1').reply(401, { detail: 'token revoked' });
    workspaceWith('tok-2').reply(401, { detail: 'still no' });
    const result = await run(gateway.checkWorkspace());
    expect(result).to.deep.equal(
      E.left({
        _tag: 'AirbyteUnauthorized',
        status: 401,
        detail: `GET /workspaces/${WS} was refused: Airbyte did not accept our credentials (401): still no`,
      }),
    );
  });

  it('reports refused client credentials as unauthorized, without the secret', async () => {
    const { gateway, logs } = credentialsHarness();
    tokenEndpoint().reply(403, { detail: `bad client secret ${CLIENT_SECRET}` });
    const result = await run(gateway.checkWorkspace());
    expect(result).to.deep.equal(
      E.left({
        _tag: 'AirbyteUnauthorized',
        status: 403,
        detail:
          'POST /applications/token was refused: our credentials do not give access to it (403): bad client secret [redacted]',
      }),
    );
    expect(JSON.stringify(logs)).not.to.include(CLIENT_SECRET);
  });

  it('never logs the access token', async () => {
    const { gateway, logs } = credentialsHarness();
    tokenEndpoint().reply(200, { access_token: 'tok-secret-1', token_type: 'Bearer', expires_in: 180 });
    tokenEndpoint().reply(200, { access_token: 'tok-secret-2', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-secret-1').reply(401, {});
    workspaceWith('tok-secret-2').reply(200, WORKSPACE);
    await run(gateway.checkWorkspace());
    expect(logs.length).to.be.greaterThan(0);
    expect(JSON.stringify(logs)).not.to.match(/tok-secret/);
  });

  it('sends a static bearer token', async () => {
    const { gateway } = harness({ auth: { type: 'bearer', token: 'static-1' } });
    workspaceWith('static-1').reply(200, WORKSPACE);
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('does not retry a 401 with a static token', async () => {
    const { gateway } = harness({ auth: { type: 'bearer', token: 'static-1' } });
    workspaceWith('static-1').once().reply(401, {});
    const result = await run(gateway.checkWorkspace());
    expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteUnauthorized');
  });

  it('sends basic credentials', async () => {
    const { gateway } = harness({ auth: { type: 'basic', username: 'airbyte', password: 'p@ss:word' } });
    nock(ORIGIN, {
      reqheaders: { authorization: `Basic ${Buffer.from('airbyte:p@ss:word').toString('base64')}` },
    })
      .get(`${PREFIX}/workspaces/${WS}`)
      .reply(200, WORKSPACE);
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('sends no authorization header without credentials', async () => {
    const { gateway } = harness({ auth: { type: 'none' } });
    nock(ORIGIN, { badheaders: ['authorization'] })
      .get(`${PREFIX}/workspaces/${WS}`)
      .reply(200, WORKSPACE);
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
  });

  it('retries the token request when Airbyte is briefly unavailable', async () => {
    const { gateway, sleeps } = credentialsHarness();
    tokenEndpoint().reply(503, 'upstream down');
    tokenEndpoint().reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 180 });
    workspaceWith('tok-1').reply(200, WORKSPACE);
    expect(await run(gateway.checkWorkspace())).to.deep.equal(E.right(undefined));
    expect(sleeps).to.deep.equal([125]);
  });
});
