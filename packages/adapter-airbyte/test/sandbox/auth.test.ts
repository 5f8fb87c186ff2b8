import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { expect } from 'chai';
import { call, fetchToken, type Problem, type Token } from './sandbox-client.js';

describe('sandbox: authentication', () => {
  let sandbox: AirbyteSandbox;
  beforeEach(async () => {
    sandbox = await startAirbyteSandbox({ clientId: 'id-1', clientSecret: 'secret-1' });
  });
  afterEach(() => sandbox.close());

  const tokenRequest = (body: unknown) => call<Token & Problem>(sandbox, 'POST', '/applications/token', body);

  it('issues a bearer token with expires_in for the configured client credentials', async () => {
    const answer = await tokenRequest({
      client_id: 'id-1',
      client_secret: 'secret-1',
      grant_type: 'client_credentials',
    });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.have.keys(['access_token', 'token_type', 'expires_in']);
    expect(answer.body.token_type).to.equal('Bearer');
    expect(answer.body.expires_in).to.equal(180);
    expect(answer.body.access_token).to.be.a('string').with.length.above(20);
  });

  it('accepts the grant as `grant-type` (the spec property name) and as a form-encoded body', async () => {
    const dashed = await tokenRequest({
      client_id: 'id-1',
      client_secret: 'secret-1',
      'grant-type': 'client_credentials',
    });
    expect(dashed.status).to.equal(200);
    const form = await call(sandbox, 'POST', '/applications/token', undefined, {
      rawBody: 'client_id=id-1&client_secret=secret-1&grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).to.equal(200);
  });

  it("answers 401 with the server's invalid-api-key problem to wrong credentials", async () => {
    const answer = await tokenRequest({
      client_id: 'id-1',
      client_secret: 'nope',
      grant_type: 'client_credentials',
    });
    expect(answer.status).to.equal(401);
    expect(answer.headers.get('content-type')).to.equal('application/json');
    expect(answer.body).to.deep.equal({
      status: 401,
      type: 'https://reference.airbyte.com/reference/errors#invalid-api-key',
      title: 'invalid-api-key',
      detail: 'The API key in the Authorization header is invalid.',
    });
  });

  it('answers 400 when a required field or the grant is missing, or the body is not JSON', async () => {
    expect((await tokenRequest({ client_id: 'id-1', grant_type: 'client_credentials' })).status).to.equal(
      400,
    );
    expect((await tokenRequest({ client_id: 'id-1', client_secret: 'secret-1' })).status).to.equal(400);
    expect(
      (await tokenRequest({ client_id: 'id-1', client_secret: 'secret-1', grant_type: 'password' })).status,
    ).to.equal(400);
    const garbage = await call(sandbox, 'POST', '/applications/token', undefined, { rawBody: '{not json' });
    expect(garbage.status).to.equal(400);
    expect((await call(sandbox, 'GET', '/applications/token')).status).to.equal(405);
    expect((await call(sandbox, 'POST', '/health')).status).to.equal(405);
  });

  it('requires a valid bearer token on every other route', async () => {
    const paths = [
      ['GET', `/workspaces/${sandbox.workspaceId}`],
      ['GET', '/sources'],
      ['POST', '/sources'],
      ['GET', '/destinations/x'],
      ['PATCH', '/connections/x'],
      ['GET', '/streams?sourceId=x'],
      ['POST', '/jobs'],
      ['GET', '/jobs/1'],
    ] as const;
    for (const [method, path] of paths) {
      const missing = await call(sandbox, method, path, method === 'GET' ? undefined : {});
      expect(missing.status, `${method} ${path}`).to.equal(401);
      expect(missing.headers.get('www-authenticate')).to.equal('Bearer');
      const wrong = await call(sandbox, method, path, method === 'GET' ? undefined : {}, { token: 'forged' });
      expect(wrong.status, `${method} ${path} with a forged token`).to.equal(401);
    }
  });

  it('accepts an issued token, and refuses it once revoked', async () => {
    const token = await fetchToken(sandbox, sandbox.credentials);
    expect((await call(sandbox, 'GET', '/sources', undefined, { token })).status).to.equal(200);
    sandbox.revokeTokens();
    expect((await call(sandbox, 'GET', '/sources', undefined, { token })).status).to.equal(401);
  });

  it('refuses an expired token', async () => {
    const shortLived = await startAirbyteSandbox({ tokenTtlSeconds: 0 });
    try {
      const token = await fetchToken(shortLived, shortLived.credentials);
      expect((await call(shortLived, 'GET', '/sources', undefined, { token })).status).to.equal(401);
    } finally {
      await shortLived.close();
    }
  });

  it('accepts basic auth only when configured, and only with the right password', async () => {
    const basic = (user: string, password: string) => ({
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    });
    expect(
      (await call(sandbox, 'GET', '/sources', undefined, { headers: basic('airbyte', 'password') })).status,
    ).to.equal(401);
    const withBasic = await startAirbyteSandbox({ basicAuth: { username: 'airbyte', password: 'password' } });
    try {
      expect(
        (await call(withBasic, 'GET', '/sources', undefined, { headers: basic('airbyte', 'password') }))
          .status,
      ).to.equal(200);
      expect(
        (await call(withBasic, 'GET', '/sources', undefined, { headers: basic('airbyte', 'wrong') })).status,
      ).to.equal(401);
    } finally {
      await withBasic.close();
    }
  });

  it('serves /health without credentials; unknown routes are 404 and wrong methods 405 (after auth)', async () => {
    expect((await call(sandbox, 'GET', '/health')).status).to.equal(200);
    const token = await fetchToken(sandbox, sandbox.credentials);
    const unknown = await call(sandbox, 'GET', '/nowhere', undefined, { token });
    expect(unknown.status).to.equal(404);
    expect(unknown.headers.get('content-type')).to.equal('application/json');
    // not a problem: Micronaut answers before any controller
    expect(unknown.body).to.deep.equal({
      message: 'Not Found',
      _embedded: { errors: [{ message: 'Page Not Found' }] },
    });
    const wrongMethod = await call(sandbox, 'PUT', '/connections/abc', {}, { token });
    expect(wrongMethod.status).to.equal(405);
    expect(wrongMethod.body).to.deep.include({ message: 'Method Not Allowed' });
    const outside = await fetch(sandbox.url.replace('/api/public/v1', '/v1/sources'));
    expect(outside.status).to.equal(404);
  });
});
