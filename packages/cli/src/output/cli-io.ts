/** The process's streams and env, passed in so that commands can be run in-process by tests. */
import type { ExitCode } from './exit-code.js';

export interface OutputStream {
  readonly write: (text: string) => unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: AsyncIterable<Buffer | string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Ends the process now, whatever still runs in it (`serve` after its grace period). Absent in-process:
   * the command then just returns its exit code.
   */
  readonly exit?: (code: ExitCode) => void;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  exit: (code) => process.exit(code),
});
