import type { Task } from 'fp-ts/lib/Task.js';

/**
 * Runs work later, outside any request (a timer in production, a list a test fires by hand). What it
 * holds must never keep a process alive nor delay a shutdown: work not yet due when the process stops is
 * dropped, so it may only be work that the next operation on the component would do anyway.
 */
export interface Scheduler {
  readonly runAfter: (delayMs: number, work: Task<void>) => void;
}
