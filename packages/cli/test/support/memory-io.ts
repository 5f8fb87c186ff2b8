/** In-memory streams for running commands in-process (`runCli(argv, io)`). */
import type { CliIo } from '../../src/output/cli-io.js';

export interface MemoryIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export const memoryIo = (env: Readonly<Record<string, string>> = {}, stdin = ''): MemoryIo => {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: (text: string) => (err += text), isTTY: false },
    stdin: {
      [Symbol.asyncIterator]: () => {
        let sent = false;
        return {
          next: () => {
            const result = sent
              ? { done: true as const, value: undefined }
              : { done: false as const, value: Buffer.from(stdin) };
            sent = true;
            return Promise.resolve(result);
          },
        };
      },
    },
    env,
    out: () => out,
    err: () => err,
  };
};
