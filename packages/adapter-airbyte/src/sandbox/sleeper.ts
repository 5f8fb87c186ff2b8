/**
 * Timers the sandbox waits on (latency, delay faults), all cut short by close() so none outlives it.
 *
 * A timer fires late by the machine's timer slack (2 ms of every 50 on the machines the benchmarks run on),
 * which would make an injected latency of 50 ms a latency of 52. Each sleep measures how late it woke and
 * the next ones start that much earlier, so injected latencies are what was asked for on average.
 */
export interface Sleeper {
  readonly sleep: (ms: number) => Promise<void>;
  readonly wakeAll: () => void;
}

/** Never start a timer more than this much early, whatever was measured. */
const MAX_CORRECTION_MS = 5;
/** How much of each measured error the next sleeps correct (a slow, steady average). */
const GAIN = 0.2;

/** The clock and timers a sleeper uses (the real ones unless a test gives its own). */
export interface SleeperClock {
  readonly now: () => number;
  readonly setTimer: (fire: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

const realClock: SleeperClock = {
  now: () => performance.now(),
  setTimer: (fire, ms) => setTimeout(fire, ms),
  clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export const createSleeper = ({ now, setTimer, clearTimer }: SleeperClock = realClock): Sleeper => {
  const pending = new Map<unknown, () => void>();
  let correction = 0;
  return {
    sleep: (ms) =>
      ms <= 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            const started = now();
            const early = Math.min(correction, ms / 10);
            const timer = setTimer(() => {
              pending.delete(timer);
              const error = now() - started - ms;
              correction = Math.min(MAX_CORRECTION_MS, Math.max(0, correction + GAIN * error));
              resolve();
            }, ms - early);
            pending.set(timer, resolve);
          }),
    wakeAll: () => {
      for (const [timer, resolve] of pending) {
        clearTimer(timer);
        resolve();
      }
      pending.clear();
    },
  };
};
