/**
 * Progress of a command, step by step, on stderr (stdout carries the result). On a terminal, the steps
 * running now are shown on one line that is rewritten, and each finished step gets a line with a mark;
 * elsewhere (CI logs, pipes) each finished step is one plain line. `--json` shows none.
 */
import type { OutputStream } from './cli-io.js';

export interface Progress {
  /** Starts a step; call the returned function once it is over. */
  readonly start: (label: string) => (ok: boolean) => void;
  readonly close: () => void;
}

export const silentProgress: Progress = { start: () => () => {}, close: () => {} };

const CLEAR_LINE = '\r\u001b[2K';

const terminalProgress = (out: OutputStream, now: () => number): Progress => {
  const running = new Map<number, string>();
  let next = 0;
  const render = (): void => {
    out.write(CLEAR_LINE);
    if (running.size > 0) out.write(`… ${[...running.values()].join(', ')}`);
  };
  return {
    start: (label) => {
      const id = next++;
      const started = now();
      running.set(id, label);
      render();
      return (ok) => {
        if (!running.delete(id)) return;
        out.write(
          `${CLEAR_LINE}${ok ? '\u001b[32m✔\u001b[0m' : '\u001b[31m✖\u001b[0m'} ${label} (${now() - started} ms)\n`,
        );
        render();
      };
    },
    close: () => {
      running.clear();
      out.write(CLEAR_LINE);
    },
  };
};

const plainProgress = (out: OutputStream, now: () => number): Progress => ({
  start: (label) => {
    const started = now();
    let over = false;
    return (ok) => {
      if (over) return;
      over = true;
      out.write(`${label}: ${ok ? 'done' : 'failed'} (${now() - started} ms)\n`);
    };
  },
  close: () => {},
});

export const makeProgress = (out: OutputStream, options: { readonly json: boolean }): Progress =>
  options.json
    ? silentProgress
    : out.isTTY === true
      ? terminalProgress(out, () => Date.now())
      : plainProgress(out, () => Date.now());
