/**
 * Runs a copy of the provisioner as a user gets it (the installed release, the container image's files)
 * from outside the repository: commands, and the server over real HTTP. The build it copies is made here
 * when the bundle is missing or older than the sources, so these tests never check stale code.
 */
import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { builtIsFresh, repoRoot } from './child-cli.js';

const exec = promisify(execFile);

/** tsc -b and the esbuild bundle, as `pnpm run build` does, unless the bundle is already fresh. */
export const ensureBuiltBundle = async (): Promise<void> => {
  if (builtIsFresh()) return;
  const tsc = `${repoRoot}node_modules/typescript/bin/tsc`;
  await exec(process.execPath, [tsc, '-b', 'packages/cli'], { cwd: repoRoot });
  await exec(process.execPath, ['scripts/bundle-cli.js'], { cwd: repoRoot });
};

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a copy runs with: only PATH (and what the test gives), never the developer's own. */
export const onlyEnv = (env: Readonly<Record<string, string>>, path = process.env['PATH'] ?? '') => ({
  PATH: path,
  ...env,
});

export const run = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

export interface RunningServer {
  readonly url: string;
  readonly output: () => string;
  /** Sends SIGTERM to the process itself (as a container runtime does to PID 1); resolves with its exit code. */
  readonly terminate: () => Promise<number | null>;
  readonly kill: () => void;
}

/** Starts a server and resolves once it logs "airbyte-provisioner is listening" (JSON), with its URL. */
export const startServer = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let listening = false;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const kill = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (listening) return;
      const line = output
        .split('\n')
        .map((text) => {
          try {
            return JSON.parse(text) as { msg?: string; url?: string };
          } catch {
            return undefined;
          }
        })
        .find((entry) => entry?.msg === 'airbyte-provisioner is listening');
      if (line?.url === undefined) return;
      listening = true;
      resolve({
        url: line.url,
        output: () => output,
        terminate: () => {
          child.kill('SIGTERM');
          return exited;
        },
        kill,
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    void exited.then((code) => {
      if (!listening) reject(new Error(`the server exited with ${code} before listening:\n${output}`));
    });
  });

/** Environment for a server on the embedded sandbox: a free port, sync answers, Snowflake profile set. */
export const sandboxServerEnv: Readonly<Record<string, string>> = {
  PORT: '0',
  HOST: '127.0.0.1',
  PROVISION_MODE: 'sync',
  LOG_LEVEL: 'info',
  SNOWFLAKE_HOST: 'acme.snowflakecomputing.com',
  SNOWFLAKE_ROLE: 'LOADER',
  SNOWFLAKE_WAREHOUSE: 'WH',
  SNOWFLAKE_USER: 'loader',
  SNOWFLAKE_PASSWORD: 'snowflake-password-value',
};

/**
 * The operations routes answer, and the README's example request provisions (sync mode) to COMPLETED.
 */
export const expectServesAndProvisions = async (url: string): Promise<void> => {
  const health = await fetch(`${url}/health`);
  expect(health.status, 'GET /health').to.equal(200);
  const ready = await fetch(`${url}/ready`);
  expect(ready.status, `GET /ready: ${await ready.clone().text()}`).to.equal(200);
  const body = await readFile(`${repoRoot}examples/provision-request.json`, 'utf8');
  const provision = await fetch(`${url}/v1/provision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = (await provision.json()) as { status?: string };
  expect(provision.status, JSON.stringify(answer)).to.equal(200);
  expect(answer.status, JSON.stringify(answer)).to.equal('COMPLETED');
};
