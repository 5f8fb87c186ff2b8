/**
 * plan / provision / unprovision as a person runs them: child processes against a sandbox Airbyte
 * (started in-process here), keeping the deployment record in a --state file between runs.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { example, runCliChild } from '../support/child-cli.js';
import { sandboxEnv } from '../support/serve-child.js';

type Sandbox = Awaited<ReturnType<typeof startAirbyteSandbox>>;

interface PlannedLine {
  readonly kind: string;
  readonly action: string;
  readonly changedFields?: ReadonlyArray<string>;
}

/** The example with the destination's schema changed. */
const withChangedSchema = (text: string): string => {
  const root = parse(text) as {
    dataProduct: {
      components: Array<{ specific: { destination: { connectionConfiguration: Record<string, unknown> } } }>;
    };
  };
  root.dataProduct.components[0]!.specific.destination.connectionConfiguration['schema'] =
    'VACCINATIONS_CHANGED';
  return stringify(root);
};

describe('plan, provision, unprovision (child processes, sandbox Airbyte, --state)', function () {
  // seven CLI runs in a row, each a Node start
  this.timeout(60_000);
  let sandbox: Sandbox;
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    sandbox = await startAirbyteSandbox({ host: '127.0.0.1' });
    env = {
      ...sandboxEnv(sandbox),
      SNOWFLAKE_USER: 'loader',
      SNOWFLAKE_PASSWORD: 'snowflake-password-value',
      LOG_LEVEL: 'warn',
    };
    dir = await mkdtemp(join(tmpdir(), 'ap-cli-'));
  });
  after(async () => {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  const plan = async (file: string, state: string): Promise<ReadonlyArray<PlannedLine>> => {
    const run = await runCliChild(['plan', file, '--state', state, '--json'], { env });
    expect(run.code, run.stderr).to.equal(0);
    return (JSON.parse(run.stdout) as { changes: ReadonlyArray<PlannedLine> }).changes;
  };

  it('plans a first deploy, provisions it, then plans nothing for the same file and an update for a changed one', async () => {
    const state = join(dir, 'state.json');
    const descriptor = example('file-to-snowflake.yaml');

    expect((await plan(descriptor, state)).map((c) => `${c.kind}:${c.action}`)).to.deep.equal([
      'source:create',
      'destination:create',
      'connection:create',
    ]);

    const provisioned = await runCliChild(['provision', descriptor, '--state', state], { env });
    expect(provisioned.code, provisioned.stderr).to.equal(0);
    expect(provisioned.stdout).to.contain('Deployed Airbyte connection');
    // progress, one plain line per Airbyte call (stderr is not a terminal here)
    expect(provisioned.stderr).to.match(/^Create source "healthcare\.vaccinations\.0\.File": done/m);
    // progress only: no JSON log line at info between its lines
    expect(provisioned.stderr).not.to.match(/^\{"level":/m);
    expect(provisioned.stdout + provisioned.stderr).not.to.contain('snowflake-password-value');
    expect(await readFile(state, 'utf8')).not.to.contain('snowflake-password-value');

    expect((await plan(descriptor, state)).map((c) => c.action)).to.deep.equal(['noop', 'noop', 'noop']);

    const changed = join(dir, 'changed.yaml');
    await writeFile(changed, withChangedSchema(await readFile(descriptor, 'utf8')));
    const changes = await plan(changed, state);
    expect(changes.map((c) => `${c.kind}:${c.action}`)).to.deep.equal([
      'source:noop',
      'destination:update',
      'connection:noop',
    ]);
    expect(changes[1]!.changedFields).to.deep.equal(['configuration.schema']);

    const writes = (): number =>
      sandbox.calls().filter((c) => c.method !== 'GET' && c.path !== '/applications/token').length;
    const writesBefore = writes();
    const again = await runCliChild(['provision', descriptor, '--state', state, '--json'], { env });
    expect(again.code, again.stderr).to.equal(0);
    expect((JSON.parse(again.stdout) as { status: string }).status).to.equal('COMPLETED');
    expect(writes(), 'an unchanged re-provision writes nothing').to.equal(writesBefore);

    const removed = await runCliChild(['unprovision', descriptor, '--state', state], { env });
    expect(removed.code, removed.stderr).to.equal(0);
    expect((await plan(descriptor, state)).map((c) => c.action)).to.deep.equal([
      'create',
      'create',
      'create',
    ]);
  });

  it('logs at warn when LOG_LEVEL is unset: stderr holds the progress lines, no JSON info lines', async () => {
    const { LOG_LEVEL: _, ...unset } = env;
    const state = join(dir, 'quiet-state.json');
    const descriptor = example('selected-streams-cron.yaml');
    const provisioned = await runCliChild(['provision', descriptor, '--state', state], { env: unset });
    expect(provisioned.code, provisioned.stderr).to.equal(0);
    expect(provisioned.stderr).to.match(/^Create source ".*": done/m);
    expect(provisioned.stderr.split('\n').filter((line) => line.startsWith('{'))).to.deep.equal([]);
    expect((await runCliChild(['unprovision', descriptor, '--state', state], { env: unset })).code).to.equal(
      0,
    );
  });

  it('exits 2 when Airbyte refuses the credentials, and 1 for a descriptor that is invalid', async () => {
    const refused = await runCliChild(['provision', example('file-to-snowflake.yaml'), '--json'], {
      env: { ...env, AIRBYTE_CLIENT_SECRET: 'not-the-secret' },
    });
    expect(refused.code).to.equal(2);
    expect((JSON.parse(refused.stdout) as { status: string }).status).to.equal('FAILED');
    expect(refused.stdout).not.to.contain('not-the-secret');
    const invalid = await runCliChild(['provision', example('invalid.yaml')], { env });
    expect(invalid.code).to.equal(1);
  });
});
