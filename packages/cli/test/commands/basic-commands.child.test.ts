import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { example, runCliChild, startCliChild } from '../support/child-cli.js';

/** Every command with the options its --help must name. */
const OPTIONS: Readonly<Record<string, ReadonlyArray<string>>> = {
  validate: ['--json'],
  plan: ['--json', '--state <file>'],
  provision: ['--json', '--state <file>'],
  unprovision: ['--json', '--state <file>', '--remove-data'],
  serve: ['--sandbox', '--sandbox-latency-ms <n>'],
  sandbox: ['--port <n>', '--host <host>', '--latency-ms <n>', '--json'],
  config: ['--json'],
  migrate: [],
};

const COMMANDS = Object.keys(OPTIONS);

describe('airbyte-provisioner (child process): help, config, serve refusal', () => {
  it('lists every command in --help and exits 0', async () => {
    const run = await runCliChild(['--help']);
    expect(run.code).to.equal(0);
    for (const command of COMMANDS) expect(run.stdout).to.match(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('--help of every command names its options and exits 0', async function () {
    // seven Node starts at once
    this.timeout(60_000);
    const runs = await Promise.all(COMMANDS.map((command) => runCliChild([command, '--help'])));
    COMMANDS.forEach((command, i) => {
      const run = runs[i]!;
      expect(run.code, `${command} --help`).to.equal(0);
      expect(run.stdout).to.match(new RegExp(`^Usage: airbyte-provisioner ${command}\\b`, 'm'));
      // each option opens a line of the Options list, its description after it
      const lines = run.stdout.split('\n').map((line) => line.trim());
      for (const option of [...OPTIONS[command]!, '-h, --help']) {
        expect(
          lines.some((line) => line.startsWith(`${option} `)),
          `${command} --help names ${option}:\n${run.stdout}`,
        ).to.equal(true);
      }
    });
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

  it('config and serve: an invalid configuration says what is wrong with each secret, never its value', async () => {
    const secrets = {
      API_TOKEN: 'short-s3cret',
      SECRET_FINGERPRINT_KEY: 'short-k3y-value',
      AIRBYTE_CLIENT_SECRET: 'the-client-s3cret',
      AIRBYTE_TOKEN: 'the-bearer-t0ken',
      AIRBYTE_PASSWORD: 'the-basic-passw0rd',
      SNOWFLAKE_PASSWORD: 'the-snowflake-passw0rd',
      PROFILE_SECRET: 'the-profile-s3cret',
    };
    const dir = await mkdtemp(join(tmpdir(), 'ap-config-'));
    try {
      const profiles = join(dir, 'profiles.yaml');
      // one reference resolves to a secret, the other fails: the file is read, and still has a problem
      await writeFile(
        profiles,
        [
          'sources:',
          "  file: { enforced: { provider: { password: '${env:PROFILE_SECRET}' } } }",
          'destinations:',
          "  snowflake: { enforced: { role: '${env:NOT_SET_ANYWHERE}' } }",
          '',
        ].join('\n'),
      );
      const env = {
        ...secrets,
        AIRBYTE_API_URL: 'https://admin:the-url-passw0rd@airbyte.example/api/public/v1',
        AIRBYTE_WORKSPACE_ID: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
        AIRBYTE_CLIENT_ID: 'the-client',
        AIRBYTE_USERNAME: 'admin',
        PROVISIONER_CONFIG: profiles,
      };
      const commands = [['config'], ['config', '--json'], ['serve'], ['serve', '--sandbox']];
      const runs = await Promise.all(commands.map((args) => runCliChild(args, { env })));
      for (const [i, args] of commands.entries()) {
        const run = runs[i]!;
        const printed = run.stdout + run.stderr;
        expect(run.code, `${args.join(' ')}:\n${printed}`).to.equal(1);
        for (const [name, value] of Object.entries({ ...secrets, url: 'the-url-passw0rd' })) {
          expect(printed, `${args.join(' ')} printed ${name}`).not.to.contain(value);
        }
        if (args.includes('--json')) {
          // JSON in every case: the problems as data on stdout
          const { valid, problems } = JSON.parse(run.stdout) as {
            valid: boolean;
            problems: ReadonlyArray<{ path: string; message: string }>;
          };
          expect(valid).to.equal(false);
          expect(problems.map((p) => p.path)).to.include.members(['API_TOKEN', 'SECRET_FINGERPRINT_KEY']);
          continue;
        }
        expect(run.stderr).to.contain('API_TOKEN: must be at least 16 characters, got 12 characters');
        expect(run.stderr).to.contain(
          'SECRET_FINGERPRINT_KEY: must be at least 16 characters, got 15 characters',
        );
        expect(run.stderr).to.match(
          /^ {2}- AIRBYTE_API_URL: must not contain a user name or password .*AIRBYTE_USERNAME and AIRBYTE_PASSWORD.*"https:\/\/\*\*\*@airbyte\.example\/api\/public\/v1"$/m,
        );
        expect(run.stderr).to.contain('choose one way to authenticate');
        expect(run.stderr).to.contain('NOT_SET_ANYWHERE is not set');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('config: refuses an AIRBYTE_API_URL with a password in it, the only problem, and prints nothing else', async () => {
    const run = await runCliChild(['config'], {
      env: {
        AIRBYTE_API_URL: 'http://airbyte:s3cret-in-url@airbyte.local:8000/api/public/v1',
        AIRBYTE_WORKSPACE_ID: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
        AIRBYTE_TOKEN: 'a-token',
      },
    });
    expect(run.code).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.contain('Invalid configuration (1 problem)');
    expect(run.stderr).to.contain('AIRBYTE_API_URL: must not contain a user name or password');
    expect(run.stderr).to.contain('"http://***@airbyte.local:8000/api/public/v1"');
    expect(run.stderr).not.to.contain('s3cret-in-url');
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
