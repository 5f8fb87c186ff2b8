/**
 * Bounds the calls in flight against one Airbyte. Waiters are served first come, first served, so a burst
 * of work cannot starve an earlier caller.
 */
export interface Semaphore {
  readonly withPermit: <A>(work: () => Promise<A>) => Promise<A>;
  /** Calls running now (for tests and diagnostics). */
  readonly inFlight: () => number;
}

export const makeSemaphore = (permits: number): Semaphore => {
  let available = permits;
  const waiters: Array<() => void> = [];

  const acquire = (): Promise<void> => {
    if (available > 0) {
      available -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiters.push(resolve));
  };

  const release = (): void => {
    const next = waiters.shift();
    // hand the permit straight to the next waiter, so a newcomer cannot overtake it
    if (next === undefined) available += 1;
    else next();
  };

  return {
    withPermit: async (work) => {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    inFlight: () => permits - available,
  };
};
