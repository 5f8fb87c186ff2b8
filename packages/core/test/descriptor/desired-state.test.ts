import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { deepMerge, secretPathsOf } from '../../src/descriptor/desired-state.builder.js';
import { validateProvisioningRequest } from '../../src/descriptor/validate-provisioning-request.js';
import type { ConnectorProfiles } from '../../src/domain/connector-profile.js';
import type { DesiredState } from '../../src/domain/desired-state.js';
import { componentRequest, specificWith, validate, type Specific } from './fixtures.js';

const desiredOf = (change: (s: Specific) => void, profiles?: ConnectorProfiles): DesiredState => {
  const text = specificWith(change);
  const result =
    profiles === undefined ? validate(text) : validateProvisioningRequest(profiles)(componentRequest(text));
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right.desired;
};

const UUID = '778daa7c-feaf-4db6-96f3-70fd645acc77';

describe('the desired state built from a valid workload', () => {
  describe('defaults', () => {
    it('defaults to a File source, a Snowflake destination, manual, active, no sync, all streams', () => {
      const desired = desiredOf(() => undefined);
      expect(desired.source.connector).to.deep.equal({ _tag: 'ConnectorType', connectorType: 'file' });
      expect(desired.destination.connector).to.deep.equal({
        _tag: 'ConnectorType',
        connectorType: 'snowflake',
      });
      expect(desired.connection).to.deep.equal({
        name: 'healthcare.vaccinations.0.File-to-Snowflake',
        streams: { _tag: 'All' },
        schedule: { scheduleType: 'manual' },
        status: 'active',
        syncOnProvision: 'never',
      });
    });

    it('treats an empty stream list as all streams', () => {
      expect(desiredOf((s) => (s.connection['streams'] = [])).connection.streams).to.deep.equal({
        _tag: 'All',
      });
    });

    it('carries every connection setting that is given, the cron with single spaces and no UTC', () => {
      const desired = desiredOf((s) => {
        // a File source offers full refresh only: incremental needs another source
        s.source['sourceType'] = 'postgres';
        s.source.connectionConfiguration = { host: 'db' };
        s.connection['streams'] = [
          { name: 'a' },
          { name: 'b', syncMode: 'incremental_append', cursorField: ['updated_at'], primaryKey: [['id']] },
        ];
        s.connection['schedule'] = { scheduleType: 'cron', cronExpression: ' 0  0\t12 * * ? UTC ' };
        s.connection['status'] = 'inactive';
        s.connection['namespaceDefinition'] = 'custom_format';
        s.connection['namespaceFormat'] = 'raw_${SOURCE_NAMESPACE}';
        s.connection['prefix'] = 'covid_';
        s.connection['nonBreakingSchemaUpdatesBehavior'] = 'propagate_columns';
        s.connection['syncOnProvision'] = false;
      });
      expect(desired.connection).to.deep.equal({
        name: 'healthcare.vaccinations.0.File-to-Snowflake',
        streams: {
          _tag: 'Selected',
          streams: [
            { name: 'a' },
            { name: 'b', syncMode: 'incremental_append', cursorField: ['updated_at'], primaryKey: [['id']] },
          ],
        },
        schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ?' },
        status: 'inactive',
        namespaceDefinition: 'custom_format',
        namespaceFormat: 'raw_${SOURCE_NAMESPACE}',
        prefix: 'covid_',
        nonBreakingSchemaUpdatesBehavior: 'propagate_columns',
        syncOnProvision: 'never',
      });
    });

    it('reads syncOnProvision in both forms, and the wait with its defaults', () => {
      const policyOf = (value: unknown) =>
        desiredOf((s) => {
          s.connection['syncOnProvision'] = value;
        }).connection.syncOnProvision;
      expect([true, false, 'never', 'onCreate', 'onChange', 'always'].map(policyOf)).to.deep.equal([
        'always',
        'never',
        'never',
        'onCreate',
        'onChange',
        'always',
      ]);
      const waiting = desiredOf((s) => {
        s.connection['syncOnProvision'] = 'onChange';
        s.connection['waitForSync'] = true;
      });
      expect(waiting.connection.waitForSync).to.deep.equal({ timeoutSeconds: 3600, onTimeout: 'fail' });
      const configured = desiredOf((s) => {
        s.connection['syncOnProvision'] = 'onChange';
        s.connection['waitForSync'] = true;
        s.connection['syncTimeoutSeconds'] = 90;
        s.connection['onSyncTimeout'] = 'warn';
      });
      expect(configured.connection.waitForSync).to.deep.equal({ timeoutSeconds: 90, onTimeout: 'warn' });
    });

    it('chooses connectors by explicit type or by definition id', () => {
      const desired = desiredOf((s) => {
        s.source['sourceType'] = 'postgres';
        s.source.connectionConfiguration = { host: 'db' };
        s.destination['definitionId'] = UUID;
      });
      expect(desired.source.connector).to.deep.equal({ _tag: 'ConnectorType', connectorType: 'postgres' });
      expect(desired.destination.connector).to.deep.equal({ _tag: 'DefinitionId', definitionId: UUID });
    });
  });

  describe('connector profiles', () => {
    const profiles: ConnectorProfiles = {
      sources: {
        file: { enforced: { provider: { user_agent: true } }, defaults: { reader_options: '{"sep": ";"}' } },
      },
      destinations: {
        snowflake: {
          enforced: {
            host: 'acme.snowflakecomputing.com',
            credentials: { auth_type: 'Username and Password', password: 'from-vault' },
          },
          defaults: {
            warehouse: 'LOAD_WH',
            role: 'LOADER',
            schema: 'DEFAULT_SCHEMA',
            credentials: { username: 'svc' },
          },
        },
        [UUID]: { enforced: { region: 'eu' }, defaults: {} },
      },
    };

    it('lets enforced values win, defaults fill gaps, and merges nested objects key by key', () => {
      const desired = desiredOf((s) => {
        s.destination.connectionConfiguration['host'] = 'evil.example.com';
        s.destination.connectionConfiguration['role'] = 'ANALYST';
        s.destination.connectionConfiguration['credentials'] = { username: 'jane', password: 'guess' };
      }, profiles);
      expect(desired.destination.configuration).to.deep.equal({
        warehouse: 'LOAD_WH',
        role: 'ANALYST',
        schema: 'VACCINATIONS_0',
        database: 'HEALTHCARE',
        host: 'acme.snowflakecomputing.com',
        credentials: { username: 'jane', auth_type: 'Username and Password', password: 'from-vault' },
      });
      expect(desired.destination.secretPaths).to.deep.equal(['credentials.password']);
      expect(desired.source.configuration).to.deep.equal({
        reader_options: '{"sep": ";"}',
        url: 'https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv',
        format: 'csv',
        provider: { storage: 'HTTPS', user_agent: true },
        dataset_name: 'epidemiology',
      });
    });

    it('keys a profile by definition id when the connector is chosen that way', () => {
      const desired = desiredOf((s) => (s.destination['definitionId'] = UUID), profiles);
      expect(desired.destination.configuration).to.deep.equal({
        database: 'HEALTHCARE',
        schema: 'VACCINATIONS_0',
        region: 'eu',
      });
    });

    it('leaves a connector without a profile as the descriptor says', () => {
      const desired = desiredOf((s) => {
        s.source['sourceType'] = 'postgres';
        s.source.connectionConfiguration = { host: 'db' };
      }, profiles);
      expect(desired.source.configuration).to.deep.equal({ host: 'db' });
    });
  });

  describe('deepMerge', () => {
    it('replaces lists and scalars, merges mappings, and replaces a mapping by a scalar', () => {
      expect(
        deepMerge(
          { a: [1, 2], b: { c: 1, d: { e: 1 } }, f: { g: 1 }, h: 1 },
          { a: [3], b: { d: { x: 2 } }, f: 'flat' },
        ),
      ).to.deep.equal({ a: [3], b: { c: 1, d: { e: 1, x: 2 } }, f: 'flat', h: 1 });
    });

    it('keeps a key named __proto__ as plain data, never as a prototype', () => {
      const over = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, never>;
      const merged = deepMerge({ b: 2 }, over);
      expect(Object.getPrototypeOf(merged)).to.equal(Object.prototype);
      expect(Object.keys(merged)).to.deep.equal(['b', '__proto__', 'a']);
      expect(JSON.stringify(merged)).to.equal('{"b":2,"__proto__":{"polluted":true},"a":1}');
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    });

    it('keeps a __proto__ key of a descriptor configuration through a profile merge', () => {
      const profiles: ConnectorProfiles = {
        sources: {},
        destinations: { snowflake: { enforced: { host: 'h' }, defaults: {} } },
      };
      const text = specificWith(() => undefined).replace(
        'schema: VACCINATIONS_0',
        'schema: VACCINATIONS_0\n            __proto__:\n              password: leaked',
      );
      const result = validateProvisioningRequest(profiles)(componentRequest(text));
      const destination = E.isRight(result) ? result.right.desired.destination : undefined;
      expect(JSON.stringify(destination?.configuration)).to.equal(
        '{"database":"HEALTHCARE","schema":"VACCINATIONS_0","__proto__":{"password":"leaked"},"host":"h"}',
      );
      expect(destination?.secretPaths).to.deep.equal(['__proto__.password']);
    });

    it('does not modify its inputs', () => {
      const under = { a: { b: 1 } };
      const over = { a: { c: 2 } };
      deepMerge(under, over);
      expect(under).to.deep.equal({ a: { b: 1 } });
      expect(over).to.deep.equal({ a: { c: 2 } });
    });
  });

  describe('secretPathsOf', () => {
    it('finds the known Snowflake secret paths, sorted', () => {
      expect(
        secretPathsOf('snowflake', {
          password: 'p',
          credentials: { private_key: 'k', private_key_password: 'kp', password: 'cp', username: 'u' },
          host: 'h',
        }),
      ).to.deep.equal([
        'credentials.password',
        'credentials.private_key',
        'credentials.private_key_password',
        'password',
      ]);
    });

    it('finds the known File provider secrets', () => {
      expect(
        secretPathsOf('file', {
          url: 'gs://b/f.csv',
          provider: {
            storage: 'GCS',
            service_account_json: '{}',
            aws_secret_access_key: 's',
            sas_token: 't',
            shared_key: 'k',
            private_key: 'p',
            password: 'pw',
            user: 'u',
          },
        }),
      ).to.deep.equal([
        'provider.aws_secret_access_key',
        'provider.password',
        'provider.private_key',
        'provider.sas_token',
        'provider.service_account_json',
        'provider.shared_key',
      ]);
    });

    it('finds secrets of any connector by the key name, at any depth', () => {
      expect(
        secretPathsOf(undefined, {
          api_key: 'a',
          nested: {
            deeper: { client_secret: 's', refresh_token: 't', SAS_KEY: 'x', credentials_json: '{}' },
          },
          access_key_id: 'id',
          tunnel_method: { ssh_key: 'k', tunnel_user_password: 'p', tunnel_host: 'h' },
          passphrase: 'pp',
          service_account_info: '{}',
          username: 'u',
          port: 5432,
        }),
      ).to.deep.equal([
        'access_key_id',
        'api_key',
        'nested.deeper.SAS_KEY',
        'nested.deeper.client_secret',
        'nested.deeper.credentials_json',
        'nested.deeper.refresh_token',
        'passphrase',
        'service_account_info',
        'tunnel_method.ssh_key',
        'tunnel_method.tunnel_user_password',
      ]);
    });

    it('counts a number as a secret, since Airbyte masks it on read; null, booleans and lists are not', () => {
      expect(
        secretPathsOf('snowflake', { password: 123456, token: null, secret: true, api_key: ['a'] }),
      ).to.deep.equal(['password']);
    });
  });
});
