import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { example, runCliChild } from '../support/child-cli.js';

describe('airbyte-provisioner validate (child process)', () => {
  it('validate: a valid descriptor exits 0', async () => {
    const run = await runCliChild(['validate', example('file-to-snowflake.yaml')]);
    expect(run.stderr).to.equal('');
    expect(run.code).to.equal(0);
    expect(run.stdout).to.contain('is valid');
  });

  it('validate: an invalid descriptor lists every problem with its path and exits 1', async () => {
    const run = await runCliChild(['validate', example('invalid.yaml'), '--json']);
    expect(run.code).to.equal(1);
    const outcome = JSON.parse(run.stdout) as { valid: boolean; problems: Array<{ path: string }> };
    expect(outcome.valid).to.equal(false);
    expect(
      outcome.problems.map((p) => p.path.replace(/^dataProduct\.components\[0\]\.specific\./, '')),
    ).to.deep.equal([
      'source.name',
      'destination.connectionConfiguration',
      'connection.streams[0].syncMode',
      'connection.schedule.scheduleType',
      'connection.status',
    ]);
  });

  it('validate: reads a whole ProvisioningRequest from stdin', async () => {
    const run = await runCliChild(['validate', '-'], {
      stdin: await readFile(example('provision-request.json'), 'utf8'),
    });
    expect(run.code).to.equal(0);
  });
});
