/** Clocks that tests drive: one frozen, one moved by hand. */
import type { Clock } from '../ports/clock.port.js';
import type { Timer } from '../ports/timer.port.js';

export const fixedClock = (epochMs: number): Clock => ({ now: () => epochMs });

export interface ManualClock extends Clock {
  readonly advance: (ms: number) => void;
  readonly set: (epochMs: number) => void;
}

export const manualClock = (startMs = Date.UTC(2026, 0, 1)): ManualClock => {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
};

/**
 * A timer on a manual clock: a sleep moves the clock on at once, then runs `onSleep` (a test's way to
 * change the world between two polls, e.g. finish a job), so nothing waits for real time.
 */
export const steppingTimer = (
  clock: ManualClock,
  onSleep: (sleeps: number) => void = () => undefined,
): Timer => {
  let sleeps = 0;
  return {
    sleep: (ms) => async () => {
      clock.advance(ms);
      sleeps += 1;
      onSleep(sleeps);
      await Promise.resolve();
    },
  };
};
