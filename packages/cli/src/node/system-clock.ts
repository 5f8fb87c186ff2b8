import type { Clock, Timer } from '@airbyte-provisioner/core';

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimer: Timer = {
  sleep: (ms) => () => new Promise((resolve) => setTimeout(resolve, ms)),
};
