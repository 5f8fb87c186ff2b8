/**
 * A host: a bench script forked as a child process that serves commands over IPC (src/hosts/*). It says
 * it is ready with one message; if it dies first, the error carries its reason (a build missing a name
 * the figure needs: "not measured", with which name).
 */
import { fork } from 'node:child_process';
import { NOT_MEASURED } from './build-modules.js';
import { QUIET_ENV } from './child.js';
import { benchScript, repoRoot } from './paths.js';
import { rpcClient, type Commands, type RpcClient } from './rpc.js';

export interface Host<C extends Commands> extends RpcClient<C> {
  readonly stop: () => Promise<void>;
}

export const startHost = async <C extends Commands>(
  script: string,
  args: ReadonlyArray<string>,
  nodeFlags: ReadonlyArray<string> = [],
): Promise<Host<C>> => {
  let stderr = '';
  const child = fork(benchScript(script), args, {
    cwd: repoRoot,
    env: { ...process.env, ...QUIET_ENV },
    execArgv: [...nodeFlags],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => {
      const notMeasured = new RegExp(`${NOT_MEASURED}[^\\n]*`).exec(stderr)?.[0];
      reject(new Error(notMeasured ?? `${script} exited with ${String(code)}:\n${stderr}`));
    });
  });
  return {
    ...rpcClient<C>(child),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.disconnect();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
};
