/**
 * `eval "$(airbyte-provisioner sandbox --env)"`: the command ends, leaving a sandbox in the background
 * whose `export` lines point the other commands at it; `kill $AIRBYTE_SANDBOX_PID` stops it.
 */
import { expect } from 'chai';
import { example, runCliChild } from '../support/child-cli.js';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits for the process to be gone, on its state: the check repeats until it holds. */
const gone = async (pid: number): Promise<void> => {
  while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('sandbox --env (child process)', () => {
  it('prints export lines a shell can eval, for a sandbox that keeps running after the command ends', async () => {
    const started = await runCliChild(['sandbox', '--env']);
    expect(started.code, started.stderr).to.equal(0);
    const exports = Object.fromEntries(
      started.stdout
        .split('\n')
        .filter((line) => line.startsWith('export '))
        .map((line) => {
          const [, name, value] = /^export (\w+)='([^']*)'$/.exec(line) ?? [];
          return [name ?? '', value ?? ''];
        }),
    );
    expect(Object.keys(exports)).to.deep.equal([
      'AIRBYTE_API_URL',
      'AIRBYTE_WORKSPACE_ID',
      'AIRBYTE_CLIENT_ID',
      'AIRBYTE_CLIENT_SECRET',
      'AIRBYTE_SANDBOX_PID',
    ]);
    const pid = Number(exports['AIRBYTE_SANDBOX_PID']);
    try {
      expect(alive(pid)).to.equal(true);
      const { AIRBYTE_SANDBOX_PID: _pid, ...env } = exports;
      const plan = await runCliChild(['plan', example('file-to-snowflake.yaml'), '--detailed-exitcode'], {
        env,
      });
      expect(plan.code, plan.stderr).to.equal(2);
      expect(plan.stdout).to.contain('+   create  source "healthcare.vaccinations.0.File"');
      expect(plan.stderr, 'no JSON log lines without LOG_LEVEL').to.not.match(/^\{"level"/m);
    } finally {
      process.kill(pid, 'SIGTERM');
      await gone(pid);
    }
  });
});
