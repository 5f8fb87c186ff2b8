import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { statSync } from 'node:fs';
import {
  noConnectorProfiles,
  validateProvisioningRequest,
  type ConnectorProfiles,
} from '@airbyte-provisioner/core';
import { witboostExampleDescriptor } from '@airbyte-provisioner/core/testing';
import {
  CONNECTOR_SCHEMAS_NOTICE,
  publishedConnectorSchemas as schemas,
} from '../../src/connector-schemas/published-connector-schemas.js';

const snowflakeProfile: ConnectorProfiles = {
  sources: {},
  destinations: {
    snowflake: {
      enforced: {
        host: 'acme.snowflakecomputing.com',
        role: 'LOADER',
        warehouse: 'LOADING',
        username: 'AIRBYTE',
        credentials: { auth_type: 'Username and Password', password: 's3cret' },
      },
      defaults: {},
    },
  },
};

const request = (descriptor: string) => ({ descriptorKind: 'COMPONENT_DESCRIPTOR' as const, descriptor });

describe('publishedConnectorSchemas', () => {
  it('holds the published connectors, the sourceType/destinationType discriminator left out', () => {
    expect(schemas.connectorTypes('source')).to.include.members(['file', 'postgres', 'mysql', 's3']);
    expect(schemas.connectorTypes('destination')).to.include.members(['snowflake', 'postgres', 'bigquery']);
    expect(schemas.connectorTypes('source').length).to.be.greaterThan(200);
    const file = schemas.schemaOf('source', 'file');
    expect(file?.r).to.deep.equal(['dataset_name', 'format', 'url', 'provider']);
    expect(file?.p?.['sourceType']).to.equal(undefined);
    expect(schemas.schemaOf('source', 'no-such-connector')).to.equal(undefined);
    expect(schemas.schemaOf('source', 'constructor')).to.equal(undefined);
  });

  it('ships its MIT notice', () => {
    expect(CONNECTOR_SCHEMAS_NOTICE).to.match(
      /^Derived from airbyte\.yaml of airbytehq\/terraform-provider-airbyte/,
    );
    expect(CONNECTOR_SCHEMAS_NOTICE).to.contain('MIT License, Copyright (c) 2023 airbytehq');
  });

  it('is a small data file (under 300 kB)', () => {
    const size = statSync(
      new URL('../../src/connector-schemas/connector-schemas.json', import.meta.url),
    ).size;
    expect(size).to.be.lessThan(300_000);
  });

  it('accepts the Witboost example with the platform’s Snowflake profile, finding its secret from airbyte_secret', () => {
    const result = validateProvisioningRequest(
      snowflakeProfile,
      undefined,
      schemas,
    )(request(witboostExampleDescriptor));
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    expect(result.right.warnings).to.deep.equal([]);
    expect(result.right.desired.destination.secretPaths).to.deep.equal(['credentials.password']);
  });

  it('warns of what Airbyte would refuse when the platform has no Snowflake profile: host, role, warehouse, username', () => {
    const result = validateProvisioningRequest(
      noConnectorProfiles,
      undefined,
      schemas,
    )(request(witboostExampleDescriptor));
    expect(
      E.isRight(result) &&
        result.right.warnings.map((w) => w.replace(/^.*connectionConfiguration\.(\w+) .*$/, '$1')),
    ).to.deep.equal(['host', 'role', 'warehouse', 'username']);
  });

  it('refuses a postgres configuration left as the default Snowflake destination, saying which type it looks like', () => {
    const descriptor = witboostExampleDescriptor.replace(
      '            database: HEALTHCARE\n            schema: VACCINATIONS_0\n',
      '            host: db.example.com\n            port: 5432\n            database: HEALTHCARE\n            schema: public\n            ssl_mode:\n              mode: require\n',
    );
    const result = validateProvisioningRequest(snowflakeProfile, undefined, schemas)(request(descriptor));
    expect(E.isLeft(result) && result.left.map((p) => p.message)).to.deep.equal([
      'is not set, so this is a snowflake destination (the default), but port, ssl_mode are no snowflake settings: set destinationType (they are settings of the postgres destination)',
    ]);
  });

  it('tells a typo in a postgres source with the key meant, and a missing required field', () => {
    const descriptor = witboostExampleDescriptor.replace(
      /source:\n(\s+)name: (.*)\n\s+connectionConfiguration:\n(?:\1 .*\n)+/,
      (_all, indent: string, name: string) =>
        `source:\n${indent}name: ${name}\n${indent}sourceType: postgres\n${indent}connectionConfiguration:\n${indent}  host: db.example.com\n${indent}  prot: 5432\n${indent}  database: shop\n${indent}  username: reader\n`,
    );
    const postgresProfile: ConnectorProfiles = {
      ...snowflakeProfile,
      sources: { postgres: { enforced: {}, defaults: { ssl_mode: { mode: 'require' } } } },
    };
    const result = validateProvisioningRequest(postgresProfile, undefined, schemas)(request(descriptor));
    expect(
      E.isLeft(result) &&
        result.left.map((p) => `${p.path.replace(/^.*connectionConfiguration\./, '')}: ${p.message}`),
    ).to.deep.equal(['port: is required by the postgres source (Port of the database.)']);
    const fixed = validateProvisioningRequest(
      postgresProfile,
      undefined,
      schemas,
    )(request(descriptor.replace('prot: 5432', 'prot: 5432\n            port: 5432')));
    expect(
      E.isRight(fixed) && fixed.right.warnings.map((w) => w.replace(/^.*connectionConfiguration\./, '')),
    ).to.deep.equal(['prot is not a setting of the postgres source: did you mean `port`?']);
  });
});
