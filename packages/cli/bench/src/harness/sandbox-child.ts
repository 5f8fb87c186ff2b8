/** Starts the sandbox child and wraps its IPC in promises. */
import { fork } from 'node:child_process';
import { benchScript, repoRoot } from './paths.js';
import { QUIET_ENV } from './child.js';
import type { SandboxCall, SandboxReply, SandboxRequest } from './sandbox-protocol.js';

type Distribute<T> = T extends { readonly id: number } ? Omit<T, 'id'> : never;
type Command = Distribute<SandboxRequest>;

export interface SandboxChild {
  readonly url: string;
  readonly workspaceId: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  /** Env for `airbyte-provisioner serve` to use this sandbox as its Airbyte. */
  readonly serverEnv: Readonly<Record<string, string>>;
  readonly calls: () => Promise<ReadonlyArray<SandboxCall>>;
  readonly clearCalls: () => Promise<void>;
  readonly setLatency: (ms: number) => Promise<void>;
  /** Runs `work` with no latency (untimed clean-up), then puts the latency back, even if `work` throws. */
  readonly withoutLatency: <A>(work: () => Promise<A>) => Promise<A>;
  readonly maxConcurrentRequests: () => Promise<number>;
  readonly stop: () => Promise<void>;
}

export const startSandboxChild = async (latencyMs = 0): Promise<SandboxChild> => {
  const child = fork(benchScript('servers/sandbox.js'), [], {
    cwd: repoRoot,
    env: { ...process.env, ...QUIET_ENV, SANDBOX_LATENCY_MS: String(latencyMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (reply: SandboxReply) => void>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<Extract<SandboxReply, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox child exited with ${String(code)}`)));
    child.on('message', (reply: SandboxReply) => {
      if (reply.type === 'ready') resolve(reply);
      else if (reply.type === 'failed') reject(new Error(reply.message));
      else pending.get(reply.id)?.(reply);
    });
  });
  const ask = (command: Command): Promise<SandboxReply> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (reply) => {
        pending.delete(id);
        resolve(reply);
      });
      child.send({ ...command, id });
    });
  const info = await ready;
  let latency = latencyMs;
  const setLatency = async (ms: number): Promise<void> => {
    await ask({ type: 'setLatency', ms });
    latency = ms;
  };
  return {
    url: info.url,
    workspaceId: info.workspaceId,
    credentials: info.credentials,
    serverEnv: {
      AIRBYTE_API_URL: info.url,
      AIRBYTE_WORKSPACE_ID: info.workspaceId,
      AIRBYTE_CLIENT_ID: info.credentials.clientId,
      AIRBYTE_CLIENT_SECRET: info.credentials.clientSecret,
    },
    calls: async () => {
      const reply = await ask({ type: 'calls' });
      return reply.type === 'calls' ? reply.calls : [];
    },
    clearCalls: async () => {
      await ask({ type: 'clearCalls' });
    },
    setLatency,
    withoutLatency: async (work) => {
      const restored = latency;
      await setLatency(0);
      try {
        return await work();
      } finally {
        await setLatency(restored);
      }
    },
    maxConcurrentRequests: async () => {
      const reply = await ask({ type: 'stats' });
      return reply.type === 'stats' ? reply.maxConcurrentRequests : Number.NaN;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ type: 'close', id: 0 });
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
};
