/**
 * Keeps count of operations started in the background, so a server can wait for them on shutdown.
 * `spawn` never lets a rejection escape: background work reports through its task record.
 */
import type { BackgroundWorkRunner } from '../ports/background-work.port.js';

export const makeBackgroundWork = (onError: (error: unknown) => void = () => {}): BackgroundWorkRunner => {
  const pending = new Set<Promise<void>>();
  return {
    running: () => pending.size,
    spawn: (work) => {
      const p: Promise<void> = Promise.resolve()
        .then(work)
        .catch(onError)
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    drain: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
};
