/**
 * The release as a user installs it: `pnpm pack` of packages/cli, then `npm install -g` of the tarball into
 * a temporary prefix, offline (the tarball must need nothing from a registry), and `airbyte-provisioner`
 * from that prefix's PATH, run from outside the repository: --version, the README's commands as written,
 * and `serve --sandbox`.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { VERSION } from '../../src/commands/program.js';
import { repoRoot } from '../support/child-cli.js';
import {
  ensureBuiltBundle,
  expectServesAndProvisions,
  onlyEnv,
  run,
  sandboxServerEnv,
  startServer,
} from '../support/installed-copy.js';

const exec = promisify(execFile);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const readJson = async <A>(path: string): Promise<A> => JSON.parse(await readFile(path, 'utf8')) as A;

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly packageManager?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly bin?: Record<string, string>;
}

/** The `airbyte-provisioner …` lines of the README's shell blocks, with the exit code each promises. */
const readmeCommands = (readme: string): ReadonlyArray<{ args: string[]; code: number }> =>
  [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1]!.split('\n'))
    .filter((line) => line.startsWith('airbyte-provisioner '))
    .map((line) => {
      const [command, comment = ''] = line.split(/\s+#\s/, 2);
      return { args: command!.trim().split(/\s+/).slice(1), code: /\bexit 1\b/.test(comment) ? 1 : 0 };
    });

describe('the release tarball, installed with npm -g', function () {
  // a build when the bundle is stale, pnpm pack, npm install, a dozen Node starts
  this.timeout(180_000);
  let dir: string;
  let prefix: string;
  let tarball: string;
  let pathWithPrefix: string;
  let workspaceManifest: Manifest;

  before(async () => {
    await ensureBuiltBundle();
    dir = await mkdtemp(join(tmpdir(), 'ap-release-'));
    prefix = join(dir, 'prefix');
    workspaceManifest = await readJson<Manifest>(`${repoRoot}packages/cli/package.json`);
    const pnpm = (await readJson<Manifest>(`${repoRoot}package.json`)).packageManager ?? 'pnpm';
    await exec(npx, ['-y', pnpm, 'pack', '--pack-destination', dir], { cwd: `${repoRoot}packages/cli` });
    tarball = join(dir, `airbyte-provisioner-${workspaceManifest.version}.tgz`);
    await exec(npm, ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
      cwd: dir,
    });
    pathWithPrefix = `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`;
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  const installedDir = (): string => join(prefix, 'lib', 'node_modules', 'airbyte-provisioner');
  const cli = (args: ReadonlyArray<string>, cwd: string, env: Record<string, string> = {}) =>
    run('airbyte-provisioner', args, { cwd, env: onlyEnv(env, pathWithPrefix) });

  it('packs airbyte-provisioner-<version>.tgz whose manifest needs nothing from the workspace or a registry', async () => {
    expect((await stat(tarball)).isFile()).to.equal(true);
    const installed = await readJson<Manifest>(join(installedDir(), 'package.json'));
    expect(installed.name).to.equal('airbyte-provisioner');
    expect(installed.version).to.equal(workspaceManifest.version);
    // the bundle holds the workspace packages and their libraries: nothing is left to install
    expect(installed.dependencies ?? {}).to.deep.equal({});
    expect(installed.devDependencies).to.equal(undefined);
    expect(JSON.stringify(installed)).not.to.contain('workspace:');
    expect(installed.bin).to.deep.equal({ 'airbyte-provisioner': './dist/bundle/airbyte-provisioner.js' });
    expect(await readdir(installedDir())).to.have.members(['dist', 'package.json']);
  });

  it('--version prints the version of the package, which CHANGELOG.md records as the latest release', async () => {
    const result = await cli(['--version'], dir);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout.trim()).to.equal(workspaceManifest.version);
    expect(VERSION).to.equal(workspaceManifest.version);
    const changelog = await readFile(`${repoRoot}CHANGELOG.md`, 'utf8');
    const released = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm)].map(
      (m) => m[1],
    );
    expect(released[0], 'the first dated release of CHANGELOG.md').to.equal(workspaceManifest.version);
    expect(changelog).to.match(/^## \[Unreleased\]$/m);
  });

  it("runs the README's commands exactly as written, from a directory holding the examples", async () => {
    const readme = await readFile(`${repoRoot}README.md`, 'utf8');
    const commands = readmeCommands(readme).filter(({ args }) => !['serve', 'sandbox'].includes(args[0]!));
    expect(commands.map(({ args }) => args[0])).to.include.members(['validate', 'plan', 'provision']);
    const work = join(dir, 'work');
    await cp(`${repoRoot}examples`, join(work, 'examples'), { recursive: true });
    const sandbox = await startAirbyteSandbox({ host: '127.0.0.1' });
    try {
      const env = {
        ...sandboxServerEnv,
        AIRBYTE_API_URL: sandbox.url,
        AIRBYTE_WORKSPACE_ID: sandbox.workspaceId,
        AIRBYTE_CLIENT_ID: sandbox.credentials.clientId,
        AIRBYTE_CLIENT_SECRET: sandbox.credentials.clientSecret,
        LOG_LEVEL: 'warn',
      };
      for (const { args, code } of commands) {
        const result = await cli(args, work, env);
        expect(
          result.code,
          `airbyte-provisioner ${args.join(' ')}:\n${result.stdout}${result.stderr}`,
        ).to.equal(code);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('serve --sandbox answers /health and /ready, provisions, and exits 0 on SIGTERM', async () => {
    const server = await startServer('airbyte-provisioner', ['serve', '--sandbox'], {
      cwd: dir,
      env: onlyEnv(sandboxServerEnv, pathWithPrefix),
    });
    try {
      await expectServesAndProvisions(server.url);
      expect(await server.terminate(), server.output()).to.equal(0);
    } finally {
      server.kill();
    }
  });
});
