/**
 * The two servers every HTTP comparison runs: ours (the built CLI, `serve`) and the bare Koa baseline.
 * Both are `node <script>` children with the same flags, the same quiet log level, on 127.0.0.1.
 */
import { benchScript, cliMain } from './paths.js';
import { freePort, spawnNode, waitFor200, type NodeChild } from './child.js';

export interface RunningServer {
  readonly name: string;
  readonly baseUrl: string;
  readonly child: NodeChild;
  /** Milliseconds from spawn to the first 200 on `/health`. */
  readonly startupMs: number;
  readonly stop: () => Promise<void>;
}

export const NODE_FLAGS: ReadonlyArray<string> = [];

const startServer = async (
  name: string,
  script: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
): Promise<RunningServer> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnNode(script, args, {
    nodeFlags: NODE_FLAGS,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  try {
    const startupMs = await waitFor200(`${baseUrl}/health`, child, started);
    return { name, baseUrl, child, startupMs, stop: child.stop };
  } catch (error) {
    await child.stop();
    throw error;
  }
};

export const startBareKoa = (): Promise<RunningServer> =>
  startServer('bare Koa', benchScript('servers/bare-koa.js'), [], {});

/** Our server against an Airbyte the bench started beforehand, so its start is not counted. */
export const startOurServer = (env: Readonly<Record<string, string>>): Promise<RunningServer> =>
  startServer('airbyte-provisioner serve', cliMain, ['serve'], env);
