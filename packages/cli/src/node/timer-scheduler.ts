/**
 * The Scheduler on Node timers. They are unref'd: a look for late copies still to come never keeps the
 * process alive nor delays a shutdown (the next operation on the component looks anyway).
 */
import type { Scheduler } from '@airbyte-provisioner/core';

export const timerScheduler: Scheduler = {
  runAfter: (delayMs, work) => {
    setTimeout(() => void work(), delayMs).unref();
  },
};
