/**
 * The servers the HTTP figures run: a build's server (its CLI bundle, `serve`) and the bare Koa baseline.
 * All are `node <script>` children with the same flags, the same quiet log level, on 127.0.0.1.
 */
import type { Build } from './build.js';
import { freePort, spawnNode, waitFor200, type NodeChild } from './child.js';
import { benchScript } from './paths.js';

export interface RunningServer {
  readonly baseUrl: string;
  readonly child: NodeChild;
  /** Milliseconds from spawn to the first 200 on `/health`. */
  readonly startupMs: number;
  readonly stop: () => Promise<void>;
}

const startServer = async (
  script: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
): Promise<RunningServer> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnNode(script, args, { env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
  try {
    const startupMs = await waitFor200(`${baseUrl}/health`, child, started);
    return { baseUrl, child, startupMs, stop: child.stop };
  } catch (error) {
    await child.stop();
    throw error;
  }
};

export const startBareKoa = (): Promise<RunningServer> =>
  startServer(benchScript('servers/bare-koa.js'), [], {});

/** A build's server, against an Airbyte the bench started beforehand (so its start is not counted). */
export const startServerOf = (build: Build, env: Readonly<Record<string, string>>): Promise<RunningServer> =>
  startServer(build.cliMain, ['serve'], env);
