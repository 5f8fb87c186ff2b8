import type { IO } from 'fp-ts/lib/IO.js';
import { portToken } from './port-token.js';

/** The time, in epoch milliseconds. Injected so that tests control it. */
export interface Clock {
  readonly now: IO<number>;
}

export const ClockToken = portToken<Clock>('Clock');
