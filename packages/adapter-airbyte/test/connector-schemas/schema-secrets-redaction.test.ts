import { expect } from 'chai';
import { REDACTED, redactConfiguration, secretValuesOf } from '../../src/http/redact.js';

describe('redaction knows the secrets a connector schema marks airbyte_secret', () => {
  // aircall's api_id is airbyte_secret, and no key-name pattern would guess it
  const configuration = { api_id: 'a1rc4ll-1d', api_token: 'tok-123456', start_date: '2024-01-01T00:00:00Z' };

  it('redacts them in log lines when the connector is known', () => {
    expect(redactConfiguration(configuration, 'aircall', 'source')).to.deep.equal({
      api_id: REDACTED,
      api_token: REDACTED,
      start_date: '2024-01-01T00:00:00Z',
    });
    // without the kind the schema is not looked up: only the key names decide
    expect(redactConfiguration(configuration, 'aircall')['api_id']).to.equal('a1rc4ll-1d');
  });

  it('scrubs their values from error details', () => {
    expect(secretValuesOf(configuration, 'aircall', 'source')).to.have.members(['a1rc4ll-1d', 'tok-123456']);
  });
});
