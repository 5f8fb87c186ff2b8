/**
 * `sandbox --env`: the sandbox started as a background process of its own, so that the command can print
 * `export` lines and end — `eval "$(airbyte-provisioner sandbox --env)"` then leaves a shell ready to use
 * it (a command substitution waits for its command to end: a sandbox in the foreground would never).
 */
import { spawn } from 'node:child_process';
import * as E from 'fp-ts/lib/Either.js';

export interface DetachedSandbox {
  readonly pid: number;
  readonly url: string;
  readonly workspaceId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Runs this same CLI as `sandbox --json <args>`, detached; resolves once it printed where it listens. */
export const startDetachedSandbox = (
  args: ReadonlyArray<string>,
): Promise<E.Either<string, DetachedSandbox>> =>
  new Promise((resolve) => {
    const entry = process.argv[1];
    if (entry === undefined) return resolve(E.left('cannot tell how this CLI was started'));
    const child = spawn(process.execPath, [...process.execArgv, entry, 'sandbox', '--json', ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const settle = (outcome: E.Either<string, DetachedSandbox>): void => {
      child.stdout.destroy();
      child.stderr.destroy();
      child.removeAllListeners();
      child.unref();
      resolve(outcome);
    };
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (line === undefined || !out.includes('\n')) return;
      try {
        const printed = JSON.parse(line) as Omit<DetachedSandbox, 'pid'>;
        settle(E.right({ ...printed, pid: child.pid ?? 0 }));
      } catch {
        settle(E.left(`the sandbox printed something unexpected: ${line.slice(0, 200)}`));
      }
    });
    child.on('error', (error) => settle(E.left(error.message)));
    child.on('exit', (code) =>
      settle(E.left(err.trim() || `the sandbox ended at once (exit code ${code ?? '?'})`)),
    );
  });

/** POSIX-shell single quoting: safe to `eval` whatever the value holds. */
export const shellQuote = (value: string): string => `'${value.split("'").join(`'\\''`)}'`;
