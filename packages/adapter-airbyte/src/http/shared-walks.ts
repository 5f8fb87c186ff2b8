/**
 * Lookups by name walk a whole list (the public API filters by workspace, never by name), so a hundred
 * deploys at once would walk the same list a hundred times. Concurrent walks of one list are shared
 * instead, but only where that cannot hide a resource: a caller may join a walk whose first page has not
 * been sent yet (everything it will read is read after the caller asked); a caller that comes later waits
 * for the next walk, which starts when the running one ends and is shared by everyone who waits for it.
 * So a resource created before a caller asked is always in the answer it gets, as with a walk of its own.
 */

/** Starts one walk; calls `sent` just before its first request leaves. */
export type StartWalk<A> = (sent: () => void) => Promise<A>;

export interface SharedWalks {
  readonly walk: <A>(key: string, start: StartWalk<A>) => Promise<A>;
}

interface Walk {
  readonly result: Promise<unknown>;
}

interface Lane {
  /** A walk that has not sent its first request: it can still be joined. */
  open?: Walk;
  /** The walk that sent its first request and has not ended. */
  running?: Promise<unknown>;
}

export const makeSharedWalks = (): SharedWalks => {
  const lanes = new Map<string, Lane>();

  const walk = <A>(key: string, start: StartWalk<A>): Promise<A> => {
    const lane = lanes.get(key) ?? {};
    lanes.set(key, lane);
    if (lane.open !== undefined) return lane.open.result as Promise<A>;
    const before = lane.running ?? Promise.resolve();
    let sealed = false;
    const seal = (result: Promise<unknown>) => {
      if (sealed) return;
      sealed = true;
      if (lane.open === opened) delete lane.open;
      lane.running = result;
    };
    const result: Promise<A> = before
      .catch(() => undefined)
      .then(() => start(() => seal(result)))
      .finally(() => {
        seal(result);
        if (lane.running === result) delete lane.running;
        if (lane.open === undefined && lane.running === undefined) lanes.delete(key);
      });
    const opened: Walk = { result };
    lane.open = opened;
    return result;
  };

  return { walk };
};
