/**
 * The guides, followed as written against the sandbox: the shell block of docs/AIRBYTE.md's "Check the
 * connection, then deploy a pipeline" runs with a sandbox Airbyte's variables, and the block of
 * docs/WITBOOST.md's "Check it end to end" runs against `serve --sandbox`. `airbyte-provisioner` on PATH
 * is the built bundle (what the release installs); each block runs in bash with -e, from a directory
 * holding the examples.
 */
import { expect } from 'chai';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { builtScript, repoRoot } from '../support/child-cli.js';
import { ensureBuiltBundle, onlyEnv, run, sandboxServerEnv, startServer } from '../support/installed-copy.js';

/** The first ```sh block after the heading that starts with `heading`. */
const blockAfter = (markdown: string, heading: string): string => {
  const at = markdown.indexOf(`\n${heading}`);
  expect(at, `a heading "${heading}"`).to.be.above(-1);
  const block = /```sh\n([\s\S]*?)```/.exec(markdown.slice(at))?.[1];
  expect(block, `a sh block after "${heading}"`).not.to.equal(undefined);
  return block!;
};

describe('the guides, followed against the sandbox', function () {
  // a build when the bundle is stale, then a dozen Node starts
  this.timeout(180_000);
  let dir: string;
  let path: string;

  before(async () => {
    await ensureBuiltBundle();
    dir = await mkdtemp(join(tmpdir(), 'ap-guides-'));
    await cp(`${repoRoot}examples`, join(dir, 'examples'), { recursive: true });
    const shim = join(dir, 'shim');
    await mkdir(shim);
    await writeFile(
      join(shim, 'airbyte-provisioner'),
      `#!/bin/sh\nexec "${process.execPath}" "${builtScript}" "$@"\n`,
    );
    await chmod(join(shim, 'airbyte-provisioner'), 0o755);
    path = `${shim}:${process.env['PATH'] ?? ''}`;
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('AIRBYTE.md: config, plan, provision, plan again: the last plan has nothing to do', async () => {
    const guide = await readFile(`${repoRoot}docs/AIRBYTE.md`, 'utf8');
    const script = blockAfter(guide, '## Check the connection, then deploy a pipeline');
    const sandbox = await startAirbyteSandbox({ host: '127.0.0.1' });
    try {
      const env = {
        ...sandboxServerEnv,
        LOG_LEVEL: 'warn',
        AIRBYTE_API_URL: sandbox.url,
        AIRBYTE_WORKSPACE_ID: sandbox.workspaceId,
        AIRBYTE_CLIENT_ID: sandbox.credentials.clientId,
        AIRBYTE_CLIENT_SECRET: sandbox.credentials.clientSecret,
      };
      const result = await run('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: dir,
        env: onlyEnv(env, path),
      });
      expect(result.code, result.stdout + result.stderr).to.equal(0);
      // stdout: the first plan, the provision's result, `config` somewhere before; the last plan after it
      const deployedAt = result.stdout.lastIndexOf('Deployed Airbyte connection');
      expect(deployedAt, result.stdout).to.be.above(-1);
      const [before, after] = [result.stdout.slice(0, deployedAt), result.stdout.slice(deployedAt)];
      for (const kind of ['source', 'destination', 'connection']) {
        expect(before, `the first plan creates the ${kind}`).to.match(
          new RegExp(`^\\+\\s+create\\s+${kind}\\b`, 'm'),
        );
        expect(after, `the last plan leaves the ${kind}`).to.match(
          new RegExp(`^\\s+noop\\s+${kind}\\b`, 'm'),
        );
      }
      expect(after).not.to.match(/^\S+\s+(create|update|replace)\b/m);
      expect(after).to.contain('Nothing to change.');
      expect(result.stdout + result.stderr).not.to.contain(sandbox.credentials.clientSecret);
    } finally {
      await sandbox.close();
    }
  });

  it("WITBOOST.md: the Coordinator's calls answer as the guide says", async () => {
    const guide = await readFile(`${repoRoot}docs/WITBOOST.md`, 'utf8');
    const script = blockAfter(guide, '## 7. Check it end to end');
    const server = await startServer(process.execPath, [builtScript, 'serve', '--sandbox'], {
      cwd: dir,
      env: onlyEnv(sandboxServerEnv),
    });
    try {
      const result = await run('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: dir,
        env: onlyEnv({ PROVISIONER_URL: server.url }, path),
      });
      expect(result.code, result.stderr).to.equal(0);
      const answers = result.stdout.split(/(?<=\})(?=\{)|\n/).filter((line) => line.trim() !== '');
      expect(JSON.parse(answers[0]!)).to.deep.equal({ valid: true });
      const provisioned = JSON.parse(answers[1]!) as {
        status: string;
        info: { publicInfo: object };
        logs: unknown[];
      };
      expect(provisioned.status).to.equal('COMPLETED');
      expect(provisioned.info.publicInfo).to.have.property('connectionName');
      expect(provisioned.logs).to.not.be.empty;
      expect((JSON.parse(answers[2]!) as { status: string; result: string }).status).to.equal('COMPLETED');
      expect((JSON.parse(answers[3]!) as { inputErrorField: string }).inputErrorField).to.equal('params');
    } finally {
      server.kill();
    }
  });
});
