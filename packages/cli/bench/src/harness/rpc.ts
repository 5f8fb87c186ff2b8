/**
 * Requests and replies over a forked child's IPC channel: the bench (parent) calls a host (child) by
 * command name and awaits its answer; a command that throws in the host rejects in the parent.
 */
import type { ChildProcess } from 'node:child_process';

/** Command name → [argument, answer]. */
export type Commands = Record<string, readonly [unknown, unknown]>;

interface Call {
  readonly id: number;
  readonly command: string;
  readonly argument: unknown;
}

type Reply =
  { readonly id: number; readonly answer: unknown } | { readonly id: number; readonly error: string };

export type Handlers<C extends Commands> = {
  readonly [K in keyof C]: (argument: C[K][0]) => Promise<C[K][1]>;
};

export interface RpcClient<C extends Commands> {
  readonly call: <K extends keyof C & string>(command: K, argument: C[K][0]) => Promise<C[K][1]>;
}

export const rpcClient = <C extends Commands>(child: ChildProcess): RpcClient<C> => {
  const pending = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  child.on('message', (reply: Reply) => pending.get(reply.id)?.(reply));
  child.once('exit', (code) => {
    for (const settle of pending.values()) settle({ id: 0, error: `the host exited with ${String(code)}` });
  });
  return {
    call: (command, argument) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (reply) => {
          pending.delete(id);
          if ('error' in reply) reject(new Error(`${command}: ${reply.error}`));
          else resolve(reply.answer);
        });
        child.send({ id, command, argument } satisfies Call);
      }),
  };
};

/** In the host: answers the parent's calls until the channel closes, then exits. */
export const serveRpc = <C extends Commands>(handlers: Handlers<C>): void => {
  process.on('message', (call: Call) => {
    const handler = handlers[call.command] as ((argument: unknown) => Promise<unknown>) | undefined;
    const reply = (message: Reply): void => {
      process.send?.(message);
    };
    if (handler === undefined) {
      reply({ id: call.id, error: `no command ${call.command}` });
      return;
    }
    handler(call.argument).then(
      (answer) => reply({ id: call.id, answer }),
      (error: unknown) =>
        reply({ id: call.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.once('disconnect', () => process.exit(0));
};
