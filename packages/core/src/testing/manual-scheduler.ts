/** A Scheduler for tests: it keeps what is scheduled, and runs what is due when the test says. */
import type { Task } from 'fp-ts/lib/Task.js';
import type { Scheduler } from '../ports/scheduler.port.js';

export interface ManualScheduler extends Scheduler {
  /** The delays asked for, in order. */
  readonly delays: () => ReadonlyArray<number>;
  /** Runs, in order, the work scheduled at most `elapsedMs` after it was asked for, once each. */
  readonly runDue: (elapsedMs: number) => Promise<void>;
}

export const manualScheduler = (): ManualScheduler => {
  const scheduled: Array<{ readonly delayMs: number; readonly work: Task<void>; ran: boolean }> = [];
  return {
    runAfter: (delayMs, work) => {
      scheduled.push({ delayMs, work, ran: false });
    },
    delays: () => scheduled.map((s) => s.delayMs),
    runDue: async (elapsedMs) => {
      for (const entry of scheduled) {
        if (entry.ran || entry.delayMs > elapsedMs) continue;
        entry.ran = true;
        await entry.work();
      }
    },
  };
};
