import { secretPathsOf, type ActorSpec, type JsonObject } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { redactConfiguration } from '../../src/index.js';
import { secretValuesOf } from '../../src/http/redact.js';
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

  it('scrubs a secret that straddles the cut of a long error detail', async () => {
    const { gateway } = harness();
    // the password starts 10 characters before the 500th, where the detail is cut
    const detail = `${'x'.repeat(490)}${PASSWORD} is not a valid key password`;
    airbyte().post(`${PREFIX}/destinations`).reply(422, { detail });
    const result = await run(gateway.createActor('destination', spec));
    const said = E.isLeft(result) ? result.left.detail : '';
    // scrubbed first, then cut: the marker takes the place of the whole secret
    expect(said).to.include(`${'x'.repeat(490)}[redacted]…`);
    expect(said).not.to.include(PASSWORD.slice(0, 4));
  });

  it('scrubs a secret Airbyte quotes JSON-escaped, line breaks as \\n', async () => {
    const { gateway } = harness();
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const withPem: ActorSpec = {
      ...spec,
      configuration: {
        ...spec.configuration,
        credentials: { auth_type: 'Key Pair Authentication', private_key: pem },
      },
    };
    // the detail quotes the request body as JSON text
    const detail = `invalid configuration ${JSON.stringify({ private_key: pem })}`;
    airbyte().post(`${PREFIX}/destinations`).reply(422, { detail });
    const result = await run(gateway.createActor('destination', withPem));
    const said = E.isLeft(result) ? result.left.detail : '';
    expect(said).to.include('"private_key":"[redacted]"');
    expect(said).not.to.include('MIIEvQIBADANBg');
  });

  it('scrubs a secret Airbyte echoes in a body that does not decode', async () => {
    const { gateway } = harness();
    // a malformed answer: the decoding problems quote its short values (createdAt must be a number)
    airbyte()
      .post(`${PREFIX}/destinations`)
      .reply(200, { ...destinationResponse(), createdAt: PASSWORD });
    const result = await run(gateway.createActor('destination', spec));
    expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteBadResponse');
    expect(JSON.stringify(result)).not.to.include(PASSWORD);
  });

  describe('treats as secret at least what the core fingerprints as secret', () => {
    // keys that hold secrets in real connector specs (source-file's providers, Snowflake, Postgres, SaaS
    // sources, S3/GCS/Azure destinations)
    const CONNECTOR_SECRET_KEYS = [
      'password',
      'passphrase',
      'service_account_json',
      'service_account_info',
      'service_account_key',
      'credentials_json',
      'private_key',
      'private_key_password',
      'ssh_key',
      'tunnel_user_password',
      'aws_access_key_id',
      'aws_secret_access_key',
      'secret_access_key',
      'sas_token',
      'sas_key',
      'shared_key',
      'account_key',
      'api_key',
      'apikey',
      'api_token',
      'access_token',
      'refresh_token',
      'client_secret',
      'hmac_key_secret',
      'connection_string',
    ];
    const valueOf = (key: string) => `value-of-${key}-0123456789`;
    const fileSpec: ActorSpec = {
      name: 'orders-file',
      connector: { _tag: 'ConnectorType', connectorType: 'file' },
      configuration: {
        dataset_name: 'orders',
        url: 'gs://bucket/orders.csv',
        provider: {
          storage: 'GCS',
          ...Object.fromEntries(CONNECTOR_SECRET_KEYS.map((key) => [key, valueOf(key)])),
        },
      },
    };

    it('redacts each of them from the debug log line of a write', async () => {
      const { gateway, logs } = harness();
      airbyte().post(`${PREFIX}/sources`).reply(422, { detail: 'no' });
      await run(gateway.createActor('source', fileSpec));
      const logged = logs.find((l) => l.message === 'creating Airbyte source')?.fields['configuration'];
      expect(logged).to.deep.equal({
        dataset_name: 'orders',
        url: 'gs://bucket/orders.csv',
        provider: {
          storage: 'GCS',
          ...Object.fromEntries(CONNECTOR_SECRET_KEYS.map((key) => [key, '[redacted]'])),
        },
        sourceType: 'file',
      });
    });

    it('scrubs each of them from an Airbyte error detail that echoes them', async () => {
      const { gateway, logs } = harness();
      // the values only, so that the scrubbed detail stays under the 500-character cut
      const echoed = CONNECTOR_SECRET_KEYS.map(valueOf).join(' ');
      airbyte()
        .post(`${PREFIX}/sources`)
        .reply(400, { detail: `invalid: ${echoed}` });
      const result = await run(gateway.createActor('source', fileSpec));
      expect(result).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 400,
          detail: `POST /sources was rejected by Airbyte (400): invalid: ${CONNECTOR_SECRET_KEYS.map(() => '[redacted]').join(' ')}`,
        }),
      );
      for (const key of CONNECTOR_SECRET_KEYS) expect(JSON.stringify(logs)).not.to.include(valueOf(key));
    });

    it('covers every path the core calls secret, numbers included, at any depth', () => {
      const configuration: JsonObject = {
        host: 'acme.snowflakecomputing.com',
        password: 123456,
        credentials: {
          auth_type: 'Key Pair Authentication',
          private_key: 'pk-0001',
          private_key_password: 'pkp-01',
        },
        provider: { service_account_json: '{"type":"service_account"}', sas_token: 'sv=2020&sig=abc' },
        tunnel_method: { ssh_key: 'ssh-rsa AAAA', tunnel_host: 'bastion' },
        nested: { deeper: { credentials_json: '{"k":1}', shared_key: 'sk-0001', sas_key: 'sas-0001' } },
      };
      const corePaths = [
        ...secretPathsOf('snowflake', configuration),
        ...secretPathsOf('file', configuration),
        ...secretPathsOf(undefined, configuration),
      ];
      expect(corePaths).to.include.members(['provider.service_account_json', 'nested.deeper.sas_key']);
      const at = (object: JsonObject, path: string) =>
        path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], object);
      for (const type of ['snowflake', 'file', undefined]) {
        const redacted = redactConfiguration(configuration, type);
        const scrubbed = secretValuesOf(configuration, type);
        for (const path of corePaths) {
          expect(at(redacted, path), path).to.equal('[redacted]');
          expect(scrubbed, path).to.include(String(at(configuration, path)));
        }
      }
      expect(at(redactConfiguration(configuration), 'tunnel_method.tunnel_host')).to.equal('bastion');
    });

    it('treats every leaf under a secret key as secret, in logs and in error scrubbing, except its type', () => {
      const configuration = {
        credentials: { auth_type: 'OAuth2.0', value: 'hunter2-secret', nested: { refresh: 'r-0123' } },
      };
      expect(redactConfiguration(configuration)).to.deep.equal({
        credentials: { auth_type: 'OAuth2.0', value: '[redacted]', nested: { refresh: '[redacted]' } },
      });
      expect(secretValuesOf(configuration)).to.have.members(['hunter2-secret', 'r-0123']);
    });

    it('redacts every item of a list under a secret key', () => {
      expect(
        redactConfiguration({ ssh_keys: ['ssh-rsa AAAA', 'ssh-ed25519 BBBB'], hosts: ['a', 'b'] }),
      ).to.deep.equal({ ssh_keys: ['[redacted]', '[redacted]'], hosts: ['a', 'b'] });
    });
  });
});
