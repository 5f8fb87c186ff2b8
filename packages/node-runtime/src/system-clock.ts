import type { Clock } from '@airbyte-provisioner/core';

export const systemClock: Clock = { now: () => Date.now() };
