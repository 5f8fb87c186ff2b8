/**
 * `--compare <ref>`: the ref's tree exported (`git archive`, so the repository gains no worktree) into a
 * directory named after its commit, installed from the lockfile and built the way `pnpm bench` builds the
 * current tree. A directory already built for that commit is reused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAt, type Build } from './build.js';
import { repoRoot } from './paths.js';

const BUILT_MARKER = '.bench-built';

/** Runs a command with its output on our stderr (stdout carries the figures); throws when it fails. */
const run = (command: string, args: ReadonlyArray<string>, cwd: string): string => {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 2], encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${String(result.status)}`);
  }
  return result.stdout.trim();
};

/** pnpm as the bench itself was started (`pnpm bench` sets npm_execpath), else the version the repository pins. */
const pnpm = (args: ReadonlyArray<string>, cwd: string): void => {
  const execPath = process.env['npm_execpath'];
  if (execPath !== undefined && /pnpm/.test(execPath)) {
    run(process.execPath, [execPath, ...args], cwd);
    return;
  }
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    packageManager?: string;
  };
  run('npx', ['-y', manifest.packageManager ?? 'pnpm', ...args], cwd);
};

export const checkoutBuild = (ref: string): Build => {
  const commit = run('git', ['rev-parse', '--verify', `${ref}^{commit}`], repoRoot);
  const directory = join(tmpdir(), 'airbyte-provisioner-bench', commit);
  const label = `${ref} (${commit.slice(0, 8)})`;
  if (existsSync(join(directory, BUILT_MARKER))) {
    console.error(`# --compare: reusing the build of ${label} in ${directory}`);
    return buildAt(directory, label);
  }
  console.error(`# --compare: building ${label} in ${directory}`);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const archive = join(directory, '..', `${commit}.tar`);
  run('git', ['archive', '--output', archive, commit], repoRoot);
  run('tar', ['-xf', archive, '-C', directory], repoRoot);
  rmSync(archive);
  pnpm(['install', '--frozen-lockfile', '--prefer-offline'], directory);
  pnpm(['run', 'build'], directory);
  writeFileSync(join(directory, BUILT_MARKER), `${commit}\n`);
  return buildAt(directory, label);
};
