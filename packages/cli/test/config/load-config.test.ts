import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { formatProblem, type Problem } from '@airbyte-provisioner/core';
import { loadConfig, type ConfigSources } from '../../src/config/load-config.js';
import type { AppConfig } from '../../src/config/app-config.js';

const WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';

const sources = (env: Record<string, string>, files: Record<string, string> = {}): ConfigSources => ({
  env,
  readTextFile: (path) => {
    const text = files[path];
    return text === undefined ? E.left('no such file') : E.right(text);
  },
});

const ok = (env: Record<string, string>, files: Record<string, string> = {}): AppConfig => {
  const result = loadConfig(sources(env, files));
  if (E.isLeft(result)) throw new Error(result.left.map(formatProblem).join('\n'));
  return result.right;
};

const problems = (
  env: Record<string, string>,
  files: Record<string, string> = {},
): ReadonlyArray<Problem> => {
  const result = loadConfig(sources(env, files));
  if (E.isRight(result)) throw new Error('expected configuration problems');
  return result.left;
};

const airbyteEnv = {
  AIRBYTE_API_URL: 'http://airbyte.local:8000/api/public/v1/',
  AIRBYTE_WORKSPACE_ID: WORKSPACE,
  AIRBYTE_CLIENT_ID: 'client',
  AIRBYTE_CLIENT_SECRET: 'client-secret',
};

describe('loadConfig', () => {
  it('gives the documented defaults for an empty env, with no Airbyte', () => {
    const config = ok({});
    expect(config.server).to.deep.equal({
      port: 8093,
      host: '0.0.0.0',
      provisionMode: 'async',
      shutdownGraceMs: 25_000,
    });
    expect(config.airbyte).to.equal(undefined);
    expect(config.tasks).to.deep.equal({ ttlMs: 86_400_000, maxTasks: 20_000 });
    expect(config.logLevel).to.equal('info');
    // the commands' stderr carries their progress: only warnings and errors by default
    expect(config.commandLogLevel).to.equal('warn');
    expect(config.profiles).to.deep.equal({ sources: {}, destinations: {} });
    expect(config.fingerprintKey).to.deep.equal({ source: 'derived' });
  });

  it('reads access management: off by default, workspace-role with its organization and role', () => {
    expect(ok(airbyteEnv).airbyte?.access).to.equal(undefined);
    const org = '11111111-2222-4333-8444-555555555555';
    expect(
      ok({ ...airbyteEnv, AIRBYTE_ACL_MODE: 'workspace-role', AIRBYTE_ORGANIZATION_ID: org }).airbyte?.access,
    ).to.deep.equal({
      organizationId: org,
      role: 'workspace_reader',
    });
    expect(
      ok({
        ...airbyteEnv,
        AIRBYTE_ACL_MODE: 'workspace-role',
        AIRBYTE_ORGANIZATION_ID: org,
        AIRBYTE_ACL_ROLE: 'workspace_runner',
      }).airbyte?.access?.role,
    ).to.equal('workspace_runner');
    expect(
      problems({ ...airbyteEnv, AIRBYTE_ACL_MODE: 'workspace-role', AIRBYTE_ACL_ROLE: 'owner' }).map(
        (p) => p.path,
      ),
    ).to.deep.equal(['AIRBYTE_ACL_ROLE', 'AIRBYTE_ORGANIZATION_ID']);
  });

  it('reads every variable', () => {
    const config = ok({
      ...airbyteEnv,
      PORT: '9000',
      HOST: '127.0.0.1',
      AIRBYTE_UI_URL: 'https://airbyte.local',
      AIRBYTE_TIMEOUT_MS: '5000',
      AIRBYTE_MAX_CONCURRENT_CALLS: '4',
      PROVISION_MODE: 'sync',
      API_TOKEN: 'a-long-enough-api-token',
      LOG_LEVEL: 'debug',
      TASK_TTL_SECONDS: '60',
      TASK_MAX_COUNT: '10',
      BODY_LIMIT_BYTES: '2048',
      SHUTDOWN_GRACE_MS: '100',
      SECRET_FINGERPRINT_KEY: 'sixteen-chars-key',
    });
    expect(config.server).to.deep.equal({
      port: 9000,
      host: '127.0.0.1',
      provisionMode: 'sync',
      apiToken: 'a-long-enough-api-token',
      bodyLimitBytes: 2048,
      shutdownGraceMs: 100,
    });
    expect(config.airbyte).to.deep.equal({
      apiUrl: 'http://airbyte.local:8000/api/public/v1',
      workspaceId: WORKSPACE,
      auth: { type: 'clientCredentials', clientId: 'client', clientSecret: 'client-secret' },
      uiUrl: 'https://airbyte.local',
      timeoutMs: 5000,
      maxConcurrentCalls: 4,
    });
    expect(config.tasks).to.deep.equal({ ttlMs: 60_000, maxTasks: 10 });
    expect(config.logLevel).to.equal('debug');
    expect(config.commandLogLevel).to.equal('debug');
    expect(config.fingerprintKey).to.deep.equal({ source: 'env', key: 'sixteen-chars-key' });
  });

  it('treats a variable set to an empty string as unset', () => {
    expect(ok({ PORT: '', AIRBYTE_API_URL: ' ' }).server.port).to.equal(8093);
  });

  it('chooses bearer or basic authentication', () => {
    const base = { AIRBYTE_API_URL: airbyteEnv.AIRBYTE_API_URL, AIRBYTE_WORKSPACE_ID: WORKSPACE };
    expect(ok({ ...base, AIRBYTE_TOKEN: 'tok' }).airbyte?.auth).to.deep.equal({
      type: 'bearer',
      token: 'tok',
    });
    expect(ok({ ...base, AIRBYTE_USERNAME: 'u', AIRBYTE_PASSWORD: 'p' }).airbyte?.auth).to.deep.equal({
      type: 'basic',
      username: 'u',
      password: 'p',
    });
  });

  it('reports every problem at once, each naming its variable', () => {
    const found = problems({
      PORT: 'eighty',
      PROVISION_MODE: 'later',
      LOG_LEVEL: 'loud',
      AIRBYTE_API_URL: 'ftp://x',
      AIRBYTE_CLIENT_ID: 'only-the-id',
      TASK_MAX_COUNT: '0',
      API_TOKEN: 'short',
    }).map((p) => p.path);
    expect(found).to.have.members([
      'PORT',
      'PROVISION_MODE',
      'LOG_LEVEL',
      'AIRBYTE_API_URL',
      'TASK_MAX_COUNT',
      'API_TOKEN',
      'AIRBYTE_WORKSPACE_ID',
      'AIRBYTE_CLIENT_SECRET',
    ]);
  });

  it('says what a wrong value should be', () => {
    expect(problems({ PORT: '70000' })).to.deep.equal([
      { path: 'PORT', message: 'must be an integer from 0 to 65535, got "70000"' },
    ]);
  });

  it('reads TASK_MAX_TAKEOVERS with DATABASE_URL (3 by default), and names it when it is out of range', () => {
    const database = { DATABASE_URL: 'postgres://u:p@db.local:5432/provisioner' };
    expect(ok(database).state?.maxTakeovers).to.equal(3);
    expect(ok({ ...database, TASK_MAX_TAKEOVERS: '0' }).state?.maxTakeovers).to.equal(0);
    expect(problems({ ...database, TASK_MAX_TAKEOVERS: '-1' })).to.deep.equal([
      { path: 'TASK_MAX_TAKEOVERS', message: 'must be an integer from 0 to 100, got "-1"' },
    ]);
  });

  it('says what is wrong with a secret by its length, never its value', () => {
    expect(problems({ API_TOKEN: 'short-s3cret', SECRET_FINGERPRINT_KEY: ' k3y! ' })).to.deep.equal([
      { path: 'API_TOKEN', message: 'must be at least 16 characters, got 12 characters' },
      { path: 'SECRET_FINGERPRINT_KEY', message: 'must be at least 16 characters, got 4 characters' },
    ]);
  });

  it('refuses an AIRBYTE_API_URL with userinfo, pointing at the auth variables, the password hidden', () => {
    const found = problems({
      ...airbyteEnv,
      AIRBYTE_CLIENT_ID: '',
      AIRBYTE_CLIENT_SECRET: '',
      AIRBYTE_API_URL: 'https://admin:p4ss-w0rd@airbyte.local/api/public/v1',
      AIRBYTE_UI_URL: 'https://admin:p4ss-w0rd@airbyte.local',
    });
    expect(found.map((p) => p.path)).to.deep.equal([
      'AIRBYTE_API_URL',
      'AIRBYTE_UI_URL',
      'AIRBYTE_CLIENT_ID',
    ]);
    expect(found[0]!.message).to.contain('AIRBYTE_USERNAME and AIRBYTE_PASSWORD');
    expect(found[0]!.message).to.contain('"https://***@airbyte.local/api/public/v1"');
    expect(JSON.stringify(found)).not.to.contain('p4ss-w0rd');
    expect(JSON.stringify(found)).not.to.contain('admin');
  });

  it('hides the userinfo of a URL it cannot parse at all', () => {
    const [found] = problems({ AIRBYTE_UI_URL: 'airbyte.local:8000/a@b:p@ss/w#rd@host' });
    expect(found).to.deep.equal({
      path: 'AIRBYTE_UI_URL',
      message: 'must be an http:// or https:// URL, got "airbyte.local:***@host"',
    });
  });

  it('asks for credentials when Airbyte is configured without any', () => {
    const found = problems({ AIRBYTE_API_URL: 'http://a', AIRBYTE_WORKSPACE_ID: WORKSPACE });
    expect(found).to.have.length(1);
    expect(formatProblem(found[0]!)).to.contain('AIRBYTE_TOKEN');
  });

  it('refuses two ways of authenticating at once', () => {
    const found = problems({ ...airbyteEnv, AIRBYTE_TOKEN: 'tok' });
    expect(found).to.have.length(1);
    expect(found[0]!.path).to.equal('AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_TOKEN');
    expect(found[0]!.message).to.contain('choose one way');
  });

  it('refuses a workspace id that is not a UUID', () => {
    expect(problems({ ...airbyteEnv, AIRBYTE_WORKSPACE_ID: 'default' }).map((p) => p.path)).to.deep.equal([
      'AIRBYTE_WORKSPACE_ID',
    ]);
  });

  describe('connector profiles', () => {
    it('fills the Snowflake destination from SNOWFLAKE_*, the password marked secret', () => {
      const config = ok({
        SNOWFLAKE_HOST: 'acme.snowflakecomputing.com',
        SNOWFLAKE_ROLE: 'AIRBYTE',
        SNOWFLAKE_WAREHOUSE: 'WH',
        SNOWFLAKE_USER: 'airbyte',
        SNOWFLAKE_PASSWORD: 'pw',
      });
      expect(config.profiles).to.deep.equal({
        sources: {},
        destinations: {
          snowflake: {
            enforced: {
              host: 'acme.snowflakecomputing.com',
              role: 'AIRBYTE',
              warehouse: 'WH',
              username: 'airbyte',
              credentials: { auth_type: 'Username and Password', password: 'pw' },
            },
            defaults: {},
          },
        },
      });
      expect(config.profileSecretPaths).to.deep.equal([
        'destinations.snowflake.enforced.credentials.password',
      ]);
    });

    it('reads the file, resolves env references and lets SNOWFLAKE_* win', () => {
      const file = [
        'sources:',
        '  file:',
        '    defaults: { provider: { storage: HTTPS, user_agent: false } }',
        'destinations:',
        '  snowflake:',
        '    enforced:',
        '      host: file.snowflakecomputing.com',
        '      role: FROM_FILE',
        '      credentials: { auth_type: Username and Password, password: "${env:SF_PW}" }',
        '    defaults: { schema: PUBLIC }',
      ].join('\n');
      const config = ok(
        { PROVISIONER_CONFIG: '/etc/p.yaml', SF_PW: 'secret-pw', SNOWFLAKE_ROLE: 'FROM_ENV' },
        {
          '/etc/p.yaml': file,
        },
      );
      expect(config.profiles).to.deep.equal({
        sources: { file: { enforced: {}, defaults: { provider: { storage: 'HTTPS', user_agent: false } } } },
        destinations: {
          snowflake: {
            enforced: {
              host: 'file.snowflakecomputing.com',
              role: 'FROM_ENV',
              credentials: { auth_type: 'Username and Password', password: 'secret-pw' },
            },
            defaults: { schema: 'PUBLIC' },
          },
        },
      });
      expect(config.profileSecretPaths).to.deep.equal([
        'destinations.snowflake.enforced.credentials.password',
      ]);
      expect(config.configFile).to.equal('/etc/p.yaml');
    });

    it('names the file and the field of every problem in it, with the env problems', () => {
      const file = [
        'sources:',
        '  file:',
        '    enforce: {}',
        'destinations:',
        '  snowflake:',
        '    enforced: { credentials: { password: "${env:MISSING_PW}" } }',
        '  bigquery:',
        '    defaults: [1, 2]',
      ].join('\n');
      const found = problems({ PROVISIONER_CONFIG: 'p.yaml', PORT: 'x' }, { 'p.yaml': file }).map(
        formatProblem,
      );
      expect(found).to.have.length(3);
      expect(found).to.include('PORT: must be an integer from 0 to 65535, got "x"');
      expect(found.some((p) => p.startsWith('p.yaml: sources.file.enforce:'))).to.equal(true);
      expect(found.some((p) => p.startsWith('p.yaml: destinations.bigquery.defaults:'))).to.equal(true);
    });

    it('reports a missing env reference with its field', () => {
      const file =
        'destinations:\n  snowflake:\n    enforced: { credentials: { password: "${env:MISSING_PW}" } }\n';
      expect(problems({ PROVISIONER_CONFIG: 'p.yaml' }, { 'p.yaml': file })).to.deep.equal([
        {
          path: 'p.yaml: destinations.snowflake.enforced.credentials.password',
          message: 'refers to ${env:MISSING_PW}, but MISSING_PW is not set',
        },
      ]);
    });

    it('reports a file that cannot be read or is not YAML', () => {
      expect(problems({ PROVISIONER_CONFIG: 'absent.yaml' })).to.deep.equal([
        { path: 'PROVISIONER_CONFIG', message: 'cannot read absent.yaml: no such file' },
      ]);
      const broken = problems({ PROVISIONER_CONFIG: 'b.yaml' }, { 'b.yaml': 'sources: [unclosed' });
      expect(broken[0]!.path).to.equal('b.yaml');
      expect(broken[0]!.message).to.contain('is not valid YAML');
    });

    it('says where a broken file is wrong without quoting it: a secret may be written there in clear', () => {
      const file = 'destinations:\n  snowflake:\n    enforced: { password: pl41n-s3cret\n    host: x\n';
      const found = problems({ PROVISIONER_CONFIG: 'p.yaml' }, { 'p.yaml': file });
      expect(found.length).to.be.greaterThan(0);
      expect(found.every((p) => p.path === 'p.yaml' && /line \d+, column \d+/.test(p.message))).to.equal(
        true,
      );
      expect(JSON.stringify(found)).to.not.include('pl41n-s3cret');
    });
  });
});
