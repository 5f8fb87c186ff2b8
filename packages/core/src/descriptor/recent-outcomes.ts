/**
 * The outcomes of a pure function for the inputs it saw last, frozen so that no caller can change a value
 * another caller is given. Parsing and validating a descriptor cost more than all the rest of a validate
 * request, and a platform sends the same descriptor several times (validate, then provision, retries).
 */
export const deepFreeze = <A>(value: A): A => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

/**
 * Up to `maxEntries` outcomes, looked up by comparing keys rather than hashing them: a key is a whole
 * descriptor, a fresh string on every request, and hashing its kilobytes cost more than comparing it with
 * the few remembered keys of the same length.
 */
export class RecentOutcomes<V> {
  private readonly entries: Array<{ readonly key: string; readonly outcome: V; used: number }> = [];
  private clock = 0;

  constructor(private readonly maxEntries: number) {}

  /** The outcome remembered for `key`, else `compute()`'s, frozen and remembered (the least recently used goes). */
  remember(key: string, compute: () => V): V {
    this.clock += 1;
    for (const entry of this.entries) {
      if (entry.key.length === key.length && entry.key === key) {
        entry.used = this.clock;
        return entry.outcome;
      }
    }
    const outcome = deepFreeze(compute());
    const entry = { key, outcome, used: this.clock };
    if (this.entries.length < this.maxEntries) this.entries.push(entry);
    else {
      let oldest = 0;
      for (let k = 1; k < this.entries.length; k++)
        if (this.entries[k]!.used < this.entries[oldest]!.used) oldest = k;
      this.entries[oldest] = entry;
    }
    return outcome;
  }
}
