import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { checkConfiguration } from '../../src/descriptor/connector-configuration-check.js';
import { validateProvisioningRequest } from '../../src/descriptor/validate-provisioning-request.js';
import type { ConnectorSchemaNode } from '../../src/domain/connector-schema.js';
import type { ConnectorProfiles } from '../../src/domain/connector-profile.js';
import { noConnectorProfiles } from '../../src/domain/connector-profile.js';
import type { ConnectorSchemas } from '../../src/ports/connector-schemas.port.js';
import { SPECIFIC, componentRequest, specificWith } from './fixtures.js';

// the shapes of source-file and destination-snowflake, cut down
const file: ConnectorSchemaNode = {
  r: ['dataset_name', 'format', 'url', 'provider'],
  p: {
    dataset_name: { t: 'string', d: 'The Name of the final table.' },
    format: { t: 'string', e: ['csv', 'json', 'parquet'] },
    url: { t: 'string', d: 'The URL path to access the file.' },
    reader_options: { t: 'string' },
    provider: {
      t: 'object',
      o: [
        {
          v: 'HTTPS: Public Web',
          r: ['storage'],
          p: { storage: { t: 'string', c: 'HTTPS' }, user_agent: { t: 'boolean' } },
        },
        {
          v: 'S3: Amazon Web Services',
          r: ['storage'],
          p: { storage: { t: 'string', c: 'S3' }, aws_secret_access_key: { t: 'string', s: 1 } },
        },
        {
          v: 'SSH: Secure Shell',
          r: ['storage', 'user', 'host'],
          p: {
            storage: { t: 'string', c: 'SSH' },
            user: { t: 'string' },
            host: { t: 'string' },
            port: { t: 'string' },
          },
        },
      ],
    },
  },
};
const snowflake: ConnectorSchemaNode = {
  r: ['host', 'database', 'schema'],
  p: {
    host: { t: 'string', x: '^[a-z.]+\\.snowflakecomputing\\.com$', d: 'Your Snowflake account.' },
    database: { t: 'string' },
    schema: { t: 'string' },
    retention_period_days: { t: 'integer' },
    credentials: { t: 'object', p: { password: { t: 'string', s: 1 }, token_hint: { t: 'string' } } },
  },
};

const schemas: ConnectorSchemas = {
  schemaOf: (kind, type) => (kind === 'source' ? { file }[type] : { snowflake }[type]),
  connectorTypes: (kind) => (kind === 'source' ? ['file', 'postgres'] : ['snowflake']),
};

const profiles: ConnectorProfiles = {
  sources: {},
  destinations: { snowflake: { enforced: { host: 'acme.snowflakecomputing.com' }, defaults: {} } },
};

const validated = (text: string, withProfiles: ConnectorProfiles = profiles) =>
  validateProvisioningRequest(withProfiles, undefined, schemas)(componentRequest(text));

describe('checkConfiguration', () => {
  it('reports every problem at once, each with its path', () => {
    const result = checkConfiguration(
      file,
      { format: 'xlsx', url: 3, provider: { storage: 'SSH', user: 'me', port: 22 } },
      'cfg',
      'file source',
    );
    expect(result.problems).to.deep.equal([
      { path: 'cfg.format', message: 'must be one of csv, json, parquet; got "xlsx"' },
      { path: 'cfg.url', message: 'must be a string, got an integer' },
      { path: 'cfg.provider.port', message: 'must be a string, got an integer' },
      { path: 'cfg.provider.host', message: 'is required by the file source' },
      { path: 'cfg.dataset_name', message: 'is required by the file source (The Name of the final table.)' },
    ]);
  });

  it('chooses a oneOf variant by its constant, and names the variants when none is chosen', () => {
    expect(
      checkConfiguration(
        file,
        { dataset_name: 'd', format: 'csv', url: 'u', provider: { storage: 'FTP' } },
        'c',
        'file source',
      ).problems,
    ).to.deep.equal([
      {
        path: 'c.provider.storage',
        message:
          'must be one of "HTTPS" (HTTPS: Public Web), "S3" (S3: Amazon Web Services), "SSH" (SSH: Secure Shell); got "FTP"',
      },
    ]);
    expect(
      checkConfiguration(
        file,
        { dataset_name: 'd', format: 'csv', url: 'u', provider: {} },
        'c',
        'file source',
      ).problems,
    ).to.deep.equal([
      {
        path: 'c.provider.storage',
        message:
          'is required: one of "HTTPS" (HTTPS: Public Web), "S3" (S3: Amazon Web Services), "SSH" (SSH: Secure Shell)',
      },
    ]);
  });

  it('warns of an unknown key with the closest known one, at any depth', () => {
    const result = checkConfiguration(
      file,
      {
        dataset_name: 'd',
        frmat: 'csv',
        format: 'csv',
        url: 'u',
        provider: { storage: 'HTTPS', user_agnet: true },
        zzz: 1,
      },
      'c',
      'file source',
    );
    expect(result.problems).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([
      'c.frmat is not a setting of the file source: did you mean `format`?',
      'c.provider.user_agnet is not a setting of the file source: did you mean `user_agent`?',
      'c.zzz is not a setting of the file source: Airbyte ignores or refuses it',
    ]);
  });

  it('reads a YAML 1.1 boolean where a boolean is wanted, with a warning naming the value', () => {
    const result = checkConfiguration(
      file,
      { dataset_name: 'd', format: 'csv', url: 'u', provider: { storage: 'HTTPS', user_agent: 'yes' } },
      'c',
      'file source',
    );
    expect(result.configuration['provider']).to.deep.equal({ storage: 'HTTPS', user_agent: true });
    expect(result.warnings).to.deep.equal([
      'c.provider.user_agent: "yes" is a YAML 1.1 boolean and is read as true; write true (in YAML 1.2, which this provisioner reads, "yes" is text)',
    ]);
  });

  it('leaves out an empty optional field with a warning, and tells an empty required one as required', () => {
    const result = checkConfiguration(
      file,
      { dataset_name: null, format: 'csv', url: 'u', provider: { storage: 'HTTPS' }, reader_options: null },
      'c',
      'file source',
    );
    expect(result.configuration).to.deep.equal({ format: 'csv', url: 'u', provider: { storage: 'HTTPS' } });
    expect(result.warnings).to.deep.equal(['c.reader_options is empty (null) and is left out']);
    expect(result.problems).to.deep.equal([
      { path: 'c.dataset_name', message: 'is required by the file source and may not be empty' },
    ]);
  });

  it('knows secrets from airbyte_secret, and never quotes a secret value', () => {
    const result = checkConfiguration(
      snowflake,
      {
        host: 'acme.snowflakecomputing.com',
        database: 'D',
        schema: 'S',
        credentials: { password: 42.5, token_hint: 'x' },
      },
      'c',
      'snowflake destination',
    );
    expect(result.secretPaths).to.deep.equal(['credentials.password']);
    expect(result.problems).to.deep.equal([
      { path: 'c.credentials.password', message: 'must be a string, got a number' },
    ]);
    const patterned = checkConfiguration(
      snowflake,
      { host: 'Not A Host', database: 'D', schema: 'S' },
      'c',
      'x',
    );
    expect(patterned.problems).to.deep.equal([
      {
        path: 'c.host',
        message: '"Not A Host" does not match the pattern ^[a-z.]+\\.snowflakecomputing\\.com$',
      },
    ]);
  });
});

describe('validateProvisioningRequest with connector schemas', () => {
  it('checks the configuration after the profiles are applied, and takes the secrets from the schema', () => {
    const result = validated(
      specificWith((s) => {
        s.destination.connectionConfiguration['credentials'] = { password: 'pw', token_hint: 'x' };
      }),
    );
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    expect(result.right.desired.destination.configuration['host']).to.equal('acme.snowflakecomputing.com');
    expect(result.right.desired.destination.secretPaths).to.deep.equal(['credentials.password']);
    // the host is the platform's: with a profile that leaves it out, Airbyte would refuse it, so does validate
    const withoutHost: ConnectorProfiles = {
      sources: {},
      destinations: { snowflake: { enforced: {}, defaults: {} } },
    };
    expect(
      validated(
        specificWith(() => undefined),
        withoutHost,
      ),
    ).to.deep.equal(
      E.left([
        {
          path: `${SPECIFIC}.destination.connectionConfiguration.host`,
          message: 'is required by the snowflake destination (Your Snowflake account.)',
        },
      ]),
    );
    // with no profile for the connector at all, the platform is not set up for it: a warning says so
    const unconfigured = validated(
      specificWith(() => undefined),
      noConnectorProfiles,
    );
    expect(E.isRight(unconfigured) && unconfigured.right.warnings).to.deep.equal([
      `${SPECIFIC}.destination.connectionConfiguration.host is required by the snowflake destination (Your Snowflake account.), and neither the descriptor nor a profile of the platform sets it: Airbyte will refuse the configuration unless the provisioner's profile for this connector sets it`,
    ]);
  });

  it('reports the problems of both connectors at once, with the warnings of a valid one', () => {
    const result = validated(
      specificWith((s) => {
        s.source.connectionConfiguration['format'] = 'xml';
        s.destination.connectionConfiguration['retention_period_days'] = 'seven';
      }),
    );
    expect(result).to.deep.equal(
      E.left([
        {
          path: `${SPECIFIC}.source.connectionConfiguration.format`,
          message: 'must be one of csv, json, parquet; got "xml"',
        },
        {
          path: `${SPECIFIC}.destination.connectionConfiguration.retention_period_days`,
          message: 'must be an integer, got a string',
        },
      ]),
    );
    const typo = validated(specificWith((s) => (s.source.connectionConfiguration['frmat'] = 'csv')));
    expect(E.isRight(typo) && typo.right.warnings).to.deep.equal([
      `${SPECIFIC}.source.connectionConfiguration.frmat is not a setting of the file source: did you mean \`format\`?`,
    ]);
  });

  it('tells the connector-schema problems together with those of the other parts', () => {
    const result = validated(
      specificWith((s) => {
        s.source.connectionConfiguration['format'] = 'xml';
        s.connection['status'] = 'paused';
        s.connection['schedule'] = { scheduleType: 'cron', cronExpression: 'not a cron' };
      }),
    );
    expect(E.isLeft(result) && result.left.map((p) => p.path.replace(`${SPECIFIC}.`, ''))).to.deep.equal([
      'connection.status',
      'connection.schedule.cronExpression',
      'source.connectionConfiguration.format',
    ]);
  });

  it('refuses a configuration written for another connector whose type was left to the default', () => {
    const pg: ConnectorSchemaNode = { p: { host: {}, port: {}, database: {}, schema: {}, ssl: {} } };
    const withPostgres = (typeWritten: boolean) =>
      validateProvisioningRequest(profiles, undefined, {
        schemaOf: (kind, type) => (kind === 'source' ? { file }[type] : { snowflake, postgres: pg }[type]),
        connectorTypes: (kind) => (kind === 'source' ? ['file'] : ['postgres', 'snowflake']),
      })(
        componentRequest(
          specificWith((s) => {
            if (typeWritten) s.destination['destinationType'] = 'snowflake';
            s.destination.connectionConfiguration = { database: 'D', schema: 'S', port: 5432, ssl: true };
          }),
        ),
      );
    expect(withPostgres(false)).to.deep.equal(
      E.left([
        {
          path: `${SPECIFIC}.destination.destinationType`,
          message:
            'is not set, so this is a snowflake destination (the default), but port, ssl are no snowflake settings: set destinationType (they are settings of the postgres destination)',
        },
      ]),
    );
    // written out, the type is what was meant: the keys are only warned of
    expect(withPostgres(true)._tag).to.equal('Right');
  });

  it('skips the check, with a warning, for a connector chosen by definition id or of an unknown type', () => {
    const custom = validated(
      specificWith((s) => {
        s.source['definitionId'] = '0b3c4d5e-0000-4000-8000-000000000001';
        s.source.connectionConfiguration = { anything: 1 };
        s.destination['destinationType'] = 'snowflak';
      }),
    );
    expect(E.isRight(custom) && custom.right.warnings).to.deep.equal([
      `${SPECIFIC}.source.definitionId: a connector chosen by definition id (a custom connector) has no schema known here, so its connectionConfiguration is not checked before Airbyte sees it`,
      `${SPECIFIC}.destination.destinationType: "snowflak" is not a published destination connector known here (did you mean \`snowflake\`?), so its connectionConfiguration is not checked before Airbyte sees it`,
    ]);
  });
});
