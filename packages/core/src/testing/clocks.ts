/** Clocks that tests drive: one frozen, one moved by hand. */
import type { Clock } from '../ports/clock.port.js';

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
