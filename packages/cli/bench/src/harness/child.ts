/**
 * Child processes for the benchmarks. Every server under test and its baseline is started the same way
 * (`node` with the same flags and a quiet log level), so a ratio compares code, not launch conditions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { benchScript, repoRoot } from './paths.js';

export const QUIET_ENV: Readonly<Record<string, string>> = { LOG_LEVEL: 'warn' };

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** A port nobody listens on right now (the OS picks it). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export interface NodeChild {
  readonly process: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  readonly stop: () => Promise<void>;
}

export interface SpawnOptions {
  readonly nodeFlags?: ReadonlyArray<string>;
  readonly env?: Readonly<Record<string, string>>;
}

export const spawnNode = (
  script: string,
  args: ReadonlyArray<string>,
  options: SpawnOptions = {},
): NodeChild => {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...QUIET_ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    // keep the tail only: a server that logs every request must not fill our memory
    output = (output + chunk.toString('utf8')).slice(-64 * 1024);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
  });
  return {
    process: child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
};

/** One GET; resolves with the status code, or null when nothing answers yet. */
export const httpStatus = (url: string): Promise<number | null> =>
  new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? null));
    });
    req.once('error', () => resolve(null));
    req.end();
  });

/**
 * Polls `url` until it answers 200; resolves with the milliseconds since `since` (performance.now()).
 * Fails when the child dies first or the deadline passes, with the child's output to explain why.
 */
export const waitFor200 = async (
  url: string,
  child: NodeChild,
  since: number,
  timeoutMs = 20_000,
): Promise<number> => {
  let dead = false;
  void child.exited.then(() => {
    dead = true;
  });
  for (;;) {
    const status = await httpStatus(url);
    if (status === 200) return performance.now() - since;
    if (dead) throw new Error(`${url}: the server exited before answering.\n${child.output()}`);
    if (performance.now() - since > timeoutMs) {
      throw new Error(
        `${url}: no 200 within ${timeoutMs} ms (last status ${String(status)}).\n${child.output()}`,
      );
    }
    await sleep(2);
  }
};

/**
 * Runs a probe (a bench script, path relative to src/) that prints one JSON object on its last stdout
 * line, and returns that object.
 */
export const runProbe = async <A>(
  script: string,
  args: ReadonlyArray<string>,
  options: SpawnOptions = {},
): Promise<A> => {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), benchScript(script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...QUIET_ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-16 * 1024);
  });
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  const notMeasured = /Error: (not measured: [^\n]*)/.exec(stderr);
  if (code !== 0 && notMeasured?.[1] !== undefined) throw new Error(notMeasured[1]);
  if (code !== 0)
    throw new Error(`probe ${script} exited with ${String(code)}:\n${stderr}${stdout.slice(-4000)}`);
  return JSON.parse(last) as A;
};
