import type { ActorSpec } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { redactConfiguration } from '../../src/index.js';
import { airbyte, DEST_ID, destinationResponse, harness, PREFIX, run, setUpNock, WS } from './fixtures.js';

const PASSWORD = 'Sn0wflake-Pa55word!';
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----MIIEvQ';
const spec: ActorSpec = {
  name: 'orders-snowflake',
  connector: { _tag: 'ConnectorType', connectorType: 'snowflake' },
  configuration: {
    host: 'acme.snowflakecomputing.com',
    database: 'SALES',
    credentials: {
      auth_type: 'Key Pair Authentication',
      private_key: PRIVATE_KEY,
      private_key_password: PASSWORD,
    },
    tunnel: [{ ssh_key: 'ssh-rsa AAAAB3Nza' }],
  },
};

describe('AirbytePublicApiGateway keeps secrets out of logs and errors', () => {
  setUpNock();

  it('logs the configuration it sends with secrets redacted', async () => {
    const { gateway, logs } = harness();
    airbyte().post(`${PREFIX}/destinations`).reply(200, destinationResponse());
    airbyte().put(`${PREFIX}/destinations/${DEST_ID}`).reply(200, destinationResponse());
    await run(gateway.createActor('destination', spec));
    await run(gateway.updateActor('destination', DEST_ID, spec));
    const logged = logs.filter((l) => l.fields['configuration'] !== undefined);
    expect(logged.map((l) => l.message)).to.deep.equal([
      'creating Airbyte destination',
      'replacing Airbyte destination',
    ]);
    expect(logged[0]?.fields['configuration']).to.deep.equal({
      host: 'acme.snowflakecomputing.com',
      database: 'SALES',
      credentials: {
        auth_type: 'Key Pair Authentication',
        private_key: '[redacted]',
        private_key_password: '[redacted]',
      },
      tunnel: [{ ssh_key: '[redacted]' }],
      destinationType: 'snowflake',
    });
    const all = JSON.stringify(logs);
    for (const secret of [PASSWORD, PRIVATE_KEY, 'ssh-rsa']) expect(all).not.to.include(secret);
  });

  it('scrubs a secret Airbyte echoes back in an error detail', async () => {
    const { gateway, logs } = harness();
    airbyte()
      .post(`${PREFIX}/destinations`)
      .reply(422, { detail: `credentials.private_key_password: "${PASSWORD}" is not a valid key password` });
    const result = await run(gateway.createActor('destination', spec));
    expect(result).to.deep.equal(
      E.left({
        _tag: 'AirbyteRejected',
        status: 422,
        detail:
          'POST /destinations was rejected by Airbyte (422): credentials.private_key_password: "[redacted]" is not a valid key password',
      }),
    );
    expect(JSON.stringify(logs)).not.to.include(PASSWORD);
  });

  it('never puts the request body in an error or a retry log line', async () => {
    const { gateway, logs } = harness({ retry: { maxAttempts: 2 } });
    airbyte().put(`${PREFIX}/destinations/${DEST_ID}`).times(2).reply(503, { detail: 'down' });
    const result = await run(gateway.updateActor('destination', DEST_ID, spec));
    expect(JSON.stringify(result)).not.to.include(PASSWORD);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.fields)).to.deep.equal([
      { call: `PUT /destinations/${DEST_ID}`, attempt: 1, delayMs: 125, error: 'AirbyteUnavailable' },
    ]);
    expect(JSON.stringify(logs)).not.to.include(PASSWORD);
  });

  it('never logs the bearer token or basic credentials', async () => {
    const bearer = harness({ auth: { type: 'bearer', token: 'bearer-secret-xyz' } });
    airbyte('Bearer bearer-secret-xyz').get(`${PREFIX}/workspaces/${WS}`).reply(401, {});
    await run(bearer.gateway.checkWorkspace());
    const basic = harness({ auth: { type: 'basic', username: 'u', password: 'basic-secret-xyz' } });
    airbyte(`Basic ${Buffer.from('u:basic-secret-xyz').toString('base64')}`)
      .get(`${PREFIX}/workspaces/${WS}`)
      .reply(200, { workspaceId: WS });
    await run(basic.gateway.checkWorkspace());
    const all = JSON.stringify([...bearer.logs, ...basic.logs]);
    expect(all).not.to.match(/secret-xyz|dTpiYXNpYy1zZWNyZXQteHl6/);
  });

  it('redactConfiguration keeps the shape and non-secret values', () => {
    expect(
      redactConfiguration({
        url: 'https://x',
        provider: { storage: 'S3', aws_access_key_id: 'AKIA', aws_secret_access_key: 's', user_agent: true },
        api_key: 'k',
        token: null,
        nested: [{ password: 'p', port: 5432 }],
      }),
    ).to.deep.equal({
      url: 'https://x',
      provider: {
        storage: 'S3',
        aws_access_key_id: '[redacted]',
        aws_secret_access_key: '[redacted]',
        user_agent: true,
      },
      api_key: '[redacted]',
      token: null,
      nested: [{ password: '[redacted]', port: 5432 }],
    });
  });
});
