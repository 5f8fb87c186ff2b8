/**
 * The container image without a Docker engine: the Dockerfile's steps read from the Dockerfile itself (the
 * script that makes the production file set, the runtime stage's base, user, port, entry point and
 * command), the same script run into a temporary directory outside the repository (so no node_modules
 * of the workspace is within reach), and the entry command started from there, as the image starts it.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../support/child-cli.js';
import { loadMigrations } from '@airbyte-provisioner/adapter-postgres';
import {
  ensureBuiltBundle,
  expectServesAndProvisions,
  onlyEnv,
  run,
  sandboxServerEnv,
  startServer,
} from '../support/installed-copy.js';

const exec = promisify(execFile);

interface Stage {
  readonly from: string;
  readonly lines: ReadonlyArray<string>;
}

/** The Dockerfile's stages, each with its instructions (continuation lines joined, comments dropped). */
const stagesOf = (dockerfile: string): ReadonlyArray<Stage> => {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Array<{ from: string; lines: string[] }> = [];
  for (const line of instructions) {
    if (line.startsWith('FROM ')) stages.push({ from: line.slice(5).trim(), lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
};

const instruction = (stage: Stage, name: string): ReadonlyArray<string> =>
  stage.lines.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1).trim());

const execForm = (stage: Stage, name: string): ReadonlyArray<string> => {
  const [value] = instruction(stage, name);
  expect(value, `${name} in the runtime stage`).not.to.equal(undefined);
  const parsed = JSON.parse(value!) as unknown;
  expect(
    parsed,
    `${name} in exec form (a JSON array), so no shell stands between the runtime and node`,
  ).to.be.an('array');
  return parsed as ReadonlyArray<string>;
};

const filesUnder = async (dir: string): Promise<ReadonlyArray<string>> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

describe('the container image (its production file set, run without dev dependencies)', function () {
  // a build when the bundle is stale, then a few Node starts
  this.timeout(120_000);
  let dockerfile: string;
  let runtime: Stage;
  let imageDir: string;
  let dir: string;
  let appDir: string;

  before(async () => {
    await ensureBuiltBundle();
    dockerfile = await readFile(`${repoRoot}Dockerfile`, 'utf8');
    const stages = stagesOf(dockerfile);
    expect(stages.length, 'a multi-stage build').to.be.at.least(2);
    runtime = stages.at(-1)!;
    const script = stages
      .flatMap((stage) => instruction(stage, 'RUN'))
      .map((command) => /node scripts\/production-files\.js (\S+)/.exec(command)?.[1])
      .find((found) => found !== undefined);
    expect(script, 'a RUN step builds the file set with scripts/production-files.js').not.to.equal(undefined);
    imageDir = script!;
    dir = await mkdtemp(join(tmpdir(), 'ap-image-'));
    appDir = join(dir, 'app');
    await exec(process.execPath, ['scripts/production-files.js', appDir], { cwd: repoRoot });
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  /** The entry command with the image's directory mapped to the temporary one. */
  const entryCommand = (): ReadonlyArray<string> =>
    execForm(runtime, 'ENTRYPOINT').map((arg) =>
      arg.startsWith(`${imageDir}/`) ? join(appDir, arg.slice(imageDir.length + 1)) : arg,
    );

  it('runs on a slim Node 20 image as a fixed non-root uid, the file set copied from the build stage', () => {
    expect(runtime.from).to.match(/^node:20[\w.-]*-slim(\s+AS\s+\w+)?$/i);
    expect(instruction(runtime, 'COPY')).to.deep.equal([`--from=build ${imageDir} ${imageDir}`]);
    expect(instruction(runtime, 'WORKDIR')).to.deep.equal([imageDir]);
    const [user] = instruction(runtime, 'USER');
    const [uid, gid] = (user ?? '').split(':').map(Number);
    expect(uid, `USER ${user}: numeric, so Kubernetes can check runAsNonRoot`).to.be.a('number').above(0);
    expect(gid).to.be.a('number').above(0);
    expect(instruction(runtime, 'ENV').join(' ')).to.match(/\bPORT=8093\b/);
    expect(instruction(runtime, 'EXPOSE')).to.deep.equal(['8093']);
  });

  it('node is PID 1 (ENTRYPOINT in exec form) and the command is serve', () => {
    expect(entryCommand()[0]).to.equal('node');
    expect(execForm(runtime, 'CMD')).to.deep.equal(['serve']);
  });

  it('holds the bundle, its source map and licence notices, its SQL migrations and the release manifest: nothing else', async () => {
    expect(await filesUnder(appDir)).to.deep.equal([
      'dist/bundle/airbyte-provisioner.js',
      'dist/bundle/airbyte-provisioner.js.LEGAL.txt',
      'dist/bundle/airbyte-provisioner.js.map',
      // read by the bundle at run time (DATABASE_URL): applied at start-up and by `migrate`
      ...loadMigrations().map(
        (m) => `dist/bundle/migrations/${String(m.version).padStart(4, '0')}_${m.name}.sql`,
      ),
      'package.json',
    ]);
    const manifest = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest['dependencies']).to.equal(undefined);
    expect(manifest['devDependencies']).to.equal(undefined);
    // no node_modules in the directory or above it: the bundle runs on what it holds
    for (let at = appDir; at !== dirname(at); at = dirname(at)) {
      expect(existsSync(join(at, 'node_modules')), `${at}/node_modules`).to.equal(false);
    }
  });

  it("the build stage's dependency layer runs from only the files it copies (pnpm fetch checks them)", async () => {
    const build = stagesOf(dockerfile)[0]!;
    const fetchAt = build.lines.findIndex(
      (line) => line.startsWith('RUN ') && /\bpnpm@[\d.]+ fetch\b/.test(line),
    );
    expect(fetchAt, 'a RUN ... pnpm fetch layer').to.be.above(-1);
    const copied = build.lines
      .slice(0, fetchAt)
      .filter((line) => line.startsWith('COPY '))
      .flatMap((line) => line.slice(5).trim().split(/\s+/).slice(0, -1));
    const layer = join(dir, 'fetch-layer');
    await mkdir(layer);
    for (const file of copied) await cp(`${repoRoot}${file}`, join(layer, file));
    const result = await run('bash', ['-c', build.lines[fetchAt]!.slice(4)], {
      cwd: layer,
      env: process.env,
    });
    expect(result.code, `${build.lines[fetchAt]} with only ${copied.join(', ')}:\n${result.stderr}`).to.equal(
      0,
    );
  });

  it('.dockerignore keeps what was built or installed on the host out of the build context', async () => {
    const ignored = (await readFile(`${repoRoot}.dockerignore`, 'utf8')).split('\n').map((l) => l.trim());
    expect(ignored).to.include.members(['**/node_modules', '**/dist', '.git']);
  });

  it('the command alone (no Airbyte configured) refuses to start and says how to configure one', async () => {
    const [node, ...args] = entryCommand();
    const result = await run(
      node === 'node' ? process.execPath : node!,
      [...args, ...execForm(runtime, 'CMD')],
      {
        cwd: appDir,
        env: onlyEnv({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' }),
      },
    );
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain('Cannot start: no Airbyte is configured');
  });

  it('started from the file set with --sandbox: /health, /ready and a provision answer; SIGTERM exits 0', async () => {
    const [node, ...args] = entryCommand();
    const server = await startServer(
      node === 'node' ? process.execPath : node!,
      [...args, ...execForm(runtime, 'CMD'), '--sandbox'],
      { cwd: appDir, env: onlyEnv({ ...sandboxServerEnv, NODE_ENV: 'production' }) },
    );
    try {
      await expectServesAndProvisions(server.url);
      expect(await server.terminate(), server.output()).to.equal(0);
      expect(server.output()).to.contain('every running operation has finished');
    } finally {
      server.kill();
    }
  });
});
