import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { describeConfig } from '../../src/config/describe-config.js';
import { loadConfig } from '../../src/config/load-config.js';

const SECRETS = [
  'client-secret-value',
  'api-token-value-long',
  'snowflake-pw',
  'file-secret',
  'fingerprint-key-value',
];

describe('describeConfig', () => {
  it('prints every setting and no secret', () => {
    const file =
      'sources:\n  s3:\n    enforced: { aws_secret_access_key: "${env:S3_SECRET}", bucket: data }\n';
    const loaded = loadConfig({
      env: {
        AIRBYTE_API_URL: 'http://airbyte:8000/api/public/v1',
        AIRBYTE_WORKSPACE_ID: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
        AIRBYTE_CLIENT_ID: 'client-id',
        AIRBYTE_CLIENT_SECRET: 'client-secret-value',
        API_TOKEN: 'api-token-value-long',
        SNOWFLAKE_USER: 'loader',
        SNOWFLAKE_PASSWORD: 'snowflake-pw',
        SECRET_FINGERPRINT_KEY: 'fingerprint-key-value',
        PROVISIONER_CONFIG: 'p.yaml',
        S3_SECRET: 'file-secret',
      },
      readTextFile: () => E.right(file),
    });
    if (E.isLeft(loaded)) throw new Error('unexpected problems');
    const described = describeConfig(loaded.right);
    const text = JSON.stringify(described);
    for (const secret of SECRETS) expect(text).not.to.contain(secret);
    expect(described['airbyte']).to.deep.include({
      apiUrl: 'http://airbyte:8000/api/public/v1',
      auth: { type: 'clientCredentials', clientId: 'client-id', clientSecret: '[redacted]' },
    });
    expect(described['profiles']).to.deep.equal({
      sources: { s3: { enforced: { aws_secret_access_key: '[redacted]', bucket: 'data' }, defaults: {} } },
      destinations: {
        snowflake: {
          enforced: {
            username: 'loader',
            credentials: { auth_type: 'Username and Password', password: '[redacted]' },
          },
          defaults: {},
        },
      },
    });
    expect(described['configFile']).to.equal('p.yaml');
  });
});
