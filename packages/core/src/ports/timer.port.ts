/**
 * Waiting a while, for the use cases that follow something Airbyte runs (a sync, a clear): injected so
 * that tests move a fake clock instead of sleeping.
 */
import type { Task } from 'fp-ts/lib/Task.js';

export interface Timer {
  readonly sleep: (ms: number) => Task<void>;
}
