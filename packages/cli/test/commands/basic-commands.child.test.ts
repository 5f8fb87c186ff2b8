import { expect } from 'chai';
import { example, runCliChild, startCliChild } from '../support/child-cli.js';

const COMMANDS = ['serve', 'sandbox', 'validate', 'plan', 'provision', 'unprovision', 'config'];

describe('airbyte-provisioner (child process): help, config, serve refusal', () => {
  it('lists every command in --help and exits 0', async () => {
    const run = await runCliChild(['--help']);
    expect(run.code).to.equal(0);
    for (const command of COMMANDS) expect(run.stdout).to.match(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('exits 1 on an unknown command', async () => {
    const run = await runCliChild(['deploy-everything']);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.contain("unknown command 'deploy-everything'");
  });

  it('config: lists every configuration problem at once, each naming its variable, and exits 1', async () => {
    const run = await runCliChild(['config'], {
      env: {
        PORT: 'http',
        PROVISION_MODE: 'eventually',
        AIRBYTE_API_URL: 'airbyte.local',
        AIRBYTE_CLIENT_ID: 'id',
        PROVISIONER_CONFIG: 'does-not-exist.yaml',
      },
    });
    expect(run.code).to.equal(1);
    expect(run.stdout).to.equal('');
    for (const name of [
      'PORT',
      'PROVISION_MODE',
      'AIRBYTE_API_URL',
      'AIRBYTE_WORKSPACE_ID',
      'AIRBYTE_CLIENT_SECRET',
      'PROVISIONER_CONFIG',
    ]) {
      expect(run.stderr).to.match(new RegExp(`^  - ${name}: `, 'm'));
    }
    expect(run.stderr).to.contain('Invalid configuration (6 problems)');
  });

  it('config: prints the effective configuration without a secret', async () => {
    const run = await runCliChild(['config', '--json'], {
      env: {
        AIRBYTE_API_URL: 'http://airbyte.local:8000/api/public/v1',
        AIRBYTE_WORKSPACE_ID: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
        AIRBYTE_CLIENT_ID: 'the-client',
        AIRBYTE_CLIENT_SECRET: 'the-client-secret',
        SNOWFLAKE_PASSWORD: 'the-snowflake-password',
        PROVISIONER_CONFIG: example('provisioner-config.yaml'),
      },
    });
    expect(run.code).to.equal(0);
    expect(run.stdout).not.to.contain('the-client-secret');
    expect(run.stdout).not.to.contain('the-snowflake-password');
    const printed = JSON.parse(run.stdout) as {
      airbyte: { auth: unknown };
      profiles: { destinations: { snowflake: { enforced: { host: string } } } };
    };
    expect(printed.airbyte.auth).to.deep.equal({
      type: 'clientCredentials',
      clientId: 'the-client',
      clientSecret: '[redacted]',
    });
    expect(printed.profiles.destinations.snowflake.enforced.host).to.equal('acme-eu.snowflakecomputing.com');
  });

  it('serve: refuses to start without Airbyte, explaining both ways, and exits 1', async () => {
    const run = await runCliChild(['serve']);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.contain('AIRBYTE_API_URL');
    expect(run.stderr).to.contain('serve --sandbox');
  });

  it('sandbox: serves the sandbox Airbyte, prints how to reach it, and exits 0 on SIGTERM', async () => {
    const child = startCliChild(['sandbox', '--json']);
    try {
      const line = await child.waitForLine(/^\{/);
      const printed = JSON.parse(line) as {
        url: string;
        workspaceId: string;
        clientId: string;
        clientSecret: string;
      };
      const token = await fetch(`${printed.url}/applications/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          client_id: printed.clientId,
          client_secret: printed.clientSecret,
          grant_type: 'client_credentials',
        }),
      });
      expect(token.status).to.equal(200);
      child.process.kill('SIGTERM');
      expect(await child.exited).to.equal(0);
    } finally {
      child.kill();
    }
  });
});
