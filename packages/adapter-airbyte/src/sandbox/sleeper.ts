/** Timers the sandbox waits on (latency, delay faults), all cut short by close() so none outlives it. */
export interface Sleeper {
  readonly sleep: (ms: number) => Promise<void>;
  readonly wakeAll: () => void;
}

export const createSleeper = (): Sleeper => {
  const pending = new Map<NodeJS.Timeout, () => void>();
  return {
    sleep: (ms) =>
      ms <= 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            const timer = setTimeout(() => {
              pending.delete(timer);
              resolve();
            }, ms);
            pending.set(timer, resolve);
          }),
    wakeAll: () => {
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve();
      }
      pending.clear();
    },
  };
};
