/** `config` in-process: effective values with where each comes from, and JSON in every case. */
import { expect } from 'chai';
import { parse } from 'yaml';
import { runCli } from '../../src/commands/program.js';
import type { Collaborators } from '../../src/collaborators/collaborators.js';
import { memoryIo } from '../support/memory-io.js';

const unused = {} as Collaborators;

const run = async (argv: ReadonlyArray<string>, env: Record<string, string>) => {
  const io = memoryIo(env);
  const code = await runCli(argv, io, unused);
  return { code, out: io.out(), err: io.err() };
};

const AIRBYTE = {
  AIRBYTE_API_URL: 'http://localhost:8000/api/public/v1',
  AIRBYTE_WORKSPACE_ID: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
  AIRBYTE_TOKEN: 'a-token-value',
};

describe('config (in-process)', () => {
  it('shows effective values, not null, and where each comes from', async () => {
    const outcome = await run(['config', '--json'], { ...AIRBYTE, PORT: '9000' });
    expect(outcome.code).to.equal(0);
    const printed = JSON.parse(outcome.out) as {
      server: { port: number; bodyLimitBytes: number };
      airbyte: { timeoutMs: number; maxConcurrentCalls: number };
      origins: Record<string, string>;
    };
    expect(printed.server.port).to.equal(9000);
    expect(printed.server.bodyLimitBytes).to.equal(5 * 1024 * 1024);
    expect(printed.airbyte.timeoutMs).to.equal(30_000);
    expect(printed.airbyte.maxConcurrentCalls).to.equal(32);
    expect(printed.origins).to.deep.include({
      'server.port': 'env PORT',
      'server.host': 'default',
      'airbyte.timeoutMs': 'default',
      'airbyte.auth': 'env AIRBYTE_TOKEN',
      profiles: 'default: none',
    });
    expect(outcome.out).to.not.contain('a-token-value');
  });

  it('shows the job poll interval as its default or as AIRBYTE_JOB_POLL_MS says, with its origin', async () => {
    const defaulted = JSON.parse((await run(['config', '--json'], AIRBYTE)).out) as {
      airbyte: { jobPollMs: number };
      origins: Record<string, string>;
    };
    expect(defaulted.airbyte.jobPollMs).to.equal(5000);
    expect(defaulted.origins['airbyte.jobPollMs']).to.equal('default');
    const set = JSON.parse(
      (await run(['config', '--json'], { ...AIRBYTE, AIRBYTE_JOB_POLL_MS: '250' })).out,
    ) as {
      airbyte: { jobPollMs: number };
      origins: Record<string, string>;
    };
    expect(set.airbyte.jobPollMs).to.equal(250);
    expect(set.origins['airbyte.jobPollMs']).to.equal('env AIRBYTE_JOB_POLL_MS');
  });

  it('shows the workspace mode and name template: shared and the default template, or as the env says', async () => {
    type Printed = {
      workspaces: { mode: string; nameTemplate: string; organizationId: string | null };
      origins: Record<string, string>;
    };
    const defaulted = JSON.parse((await run(['config', '--json'], AIRBYTE)).out) as Printed;
    expect(defaulted.workspaces).to.deep.equal({
      mode: 'shared',
      nameTemplate: '{domain}.{dataProductName}.{majorVersion}',
      organizationId: null,
    });
    expect(defaulted.origins['workspaces.mode']).to.equal('default');
    const set = JSON.parse(
      (
        await run(['config', '--json'], {
          ...AIRBYTE,
          AIRBYTE_WORKSPACE_MODE: 'per-data-product',
          AIRBYTE_WORKSPACE_NAME_TEMPLATE: 'dp-{dataProductId}',
          AIRBYTE_ORGANIZATION_ID: '00000000-0000-0000-0000-000000000001',
        })
      ).out,
    ) as Printed;
    expect(set.workspaces).to.deep.equal({
      mode: 'per-data-product',
      nameTemplate: 'dp-{dataProductId}',
      organizationId: '00000000-0000-0000-0000-000000000001',
    });
    expect(set.origins['workspaces.mode']).to.equal('env AIRBYTE_WORKSPACE_MODE');
    expect(set.origins['workspaces.nameTemplate']).to.equal('env AIRBYTE_WORKSPACE_NAME_TEMPLATE');
  });

  it('refuses to start on an unknown placeholder of the name template, naming the variable', async () => {
    const outcome = await run(['config', '--json'], {
      ...AIRBYTE,
      AIRBYTE_WORKSPACE_NAME_TEMPLATE: '{domain}.{team}',
    });
    expect(outcome.code).to.not.equal(0);
    expect(outcome.out + outcome.err)
      .to.include('AIRBYTE_WORKSPACE_NAME_TEMPLATE')
      .and.include('{team}');
  });

  it('names the profile file and the SNOWFLAKE_* variables as the origin of the profiles', async () => {
    const outcome = await run(['config', '--json'], { SNOWFLAKE_USER: 'loader' });
    const { origins } = JSON.parse(outcome.out) as { origins: Record<string, string> };
    expect(origins['profiles']).to.equal('env SNOWFLAKE_USER');
    expect(origins['airbyte']).to.match(/^unset/);
  });

  it('writes the origins as YAML comments, the YAML still reading as the same values', async () => {
    const outcome = await run(['config'], { ...AIRBYTE, PORT: '9000' });
    expect(outcome.code).to.equal(0);
    expect(outcome.out).to.contain('  port: 9000 # env PORT\n');
    expect(outcome.out).to.contain('  timeoutMs: 30000 # default\n');
    expect(outcome.out).to.contain('  auth: # env AIRBYTE_TOKEN\n');
    const json = JSON.parse((await run(['config', '--json'], { ...AIRBYTE, PORT: '9000' })).out) as Record<
      string,
      unknown
    >;
    const { origins: _origins, ...values } = json;
    expect(parse(outcome.out)).to.deep.equal(values);
  });

  it('--json answers JSON for a configuration with problems too, and exits 1', async () => {
    const outcome = await run(['config', '--json'], { PORT: 'x', PROVISION_MODE: 'soon' });
    expect(outcome.code).to.equal(1);
    const printed = JSON.parse(outcome.out) as { valid: boolean; problems: Array<{ path: string }> };
    expect(printed.valid).to.equal(false);
    expect(printed.problems.map((p) => p.path)).to.deep.equal(['PORT', 'PROVISION_MODE']);
    const text = await run(['config'], { PORT: 'x' });
    expect(text.code).to.equal(1);
    expect(text.out).to.equal('');
    expect(text.err).to.contain('Invalid configuration (1 problem)');
  });
});
