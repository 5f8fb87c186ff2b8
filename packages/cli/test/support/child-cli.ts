/**
 * Runs `airbyte-provisioner` as a child process. The built bundle (what the package's `bin` runs) starts
 * several times faster, so it is used when it is newer than every source file of the workspace (as after
 * `pnpm test`'s build); otherwise the source
 * runs through tsx, so a test never exercises stale code. The child's env holds only what the test gives
 * it (plus PATH), so the developer's own AIRBYTE_* never leak in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const mainScript = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
export const example = (name: string): string =>
  fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url));

export const builtScript = fileURLToPath(
  new URL('../../dist/bundle/airbyte-provisioner.js', import.meta.url),
);

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);

/** Whether the bundle exists and is newer than every source file of the workspace. */
export const builtIsFresh = (): boolean => {
  if (!existsSync(builtScript)) return false;
  const packages = join(repoRoot, 'packages');
  const newestSource = Math.max(
    ...readdirSync(packages).map((name) => {
      const src = join(packages, name, 'src');
      return existsSync(src) ? newestMtime(src) : 0;
    }),
  );
  return statSync(builtScript).mtimeMs >= newestSource;
};

const NODE_ARGS = builtIsFresh() ? [builtScript] : ['--conditions=source', '--import', 'tsx', mainScript];

const childEnv = (env: Readonly<Record<string, string>>): NodeJS.ProcessEnv => ({
  PATH: process.env['PATH'] ?? '',
  ...env,
});

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const runCliChild = (
  args: ReadonlyArray<string>,
  options: { readonly env?: Readonly<Record<string, string>>; readonly stdin?: string } = {},
): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
      cwd: repoRoot,
      env: childEnv(options.env ?? {}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });

export interface LongRunningChild {
  readonly process: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  /** Resolves with the first stdout line matching `pattern` (or rejects when the child exits first). */
  readonly waitForLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  readonly kill: () => void;
}

export const startCliChild = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {},
): LongRunningChild => {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    listeners.forEach((l) => l());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForLine = (pattern: RegExp, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const line = output.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) {
          cleanup();
          resolve(line);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then(() => {
        if (listeners.has(check)) {
          cleanup();
          reject(new Error(`the child exited before printing ${pattern}:\n${output}`));
        }
      });
      check();
    });
  return {
    process: child,
    output: () => output,
    exited,
    waitForLine,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
};
