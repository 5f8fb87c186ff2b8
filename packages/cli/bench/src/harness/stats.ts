/**
 * The statistics every figure is reported with: the median of its rounds, and as its spread the 95%
 * confidence interval of that median, read off the sorted rounds (no assumption about their distribution).
 * Up to 8 rounds that interval is min–max; from 9 on it drops the most extreme rounds, more of them as
 * rounds are added, so it narrows as evidence grows. A spread that stayed min–max would only widen with
 * more rounds, and one burst of other work would keep a figure inconclusive for ever; the interquartile
 * range would not narrow either, and it is on one side of a target by chance in about a third of 5-round
 * runs of a figure sitting right on it. The quartiles are reported beside it.
 */

export interface Spread {
  readonly median: number;
  /** Lower end of the median's 95% confidence interval. */
  readonly low: number;
  /** Upper end of the median's 95% confidence interval. */
  readonly high: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly rounds: number;
}

const CONFIDENCE = 0.95;

/**
 * The largest k with P(Binomial(n, ½) < k) ≤ (1 − confidence) / 2: how many of the lowest (and of the
 * highest) rounds an interval of that confidence may drop; 0 when even min–max falls short of it.
 */
const droppableRounds = (rounds: number, confidence: number): number => {
  let probability = 0.5 ** rounds;
  let tail = 0;
  let rank = 0;
  for (let below = 0; below < rounds; below += 1) {
    tail += probability;
    if (tail > (1 - confidence) / 2) break;
    rank = below + 1;
    probability = (probability * (rounds - below)) / (below + 1);
  }
  return rank;
};

/**
 * How many of the lowest (and of the highest) rounds fall outside the median's confidence interval: the
 * largest k with P(Binomial(n, ½) < k) ≤ (1 − confidence) / 2, and at least 1 (min–max below 9 rounds).
 */
export const medianIntervalRank = (rounds: number, confidence = CONFIDENCE): number =>
  Math.max(1, droppableRounds(rounds, confidence));

/**
 * The confidence an early stop needs. Rounds are looked at after each one, and at 95% a figure sitting on
 * its target comes out conclusive at one of those looks far more often than one time in twenty: two full
 * runs on one commit gave `pass` at 5 rounds and `inconclusive` after 35-51 for the same two figures.
 */
const STOPPING_CONFIDENCE = 0.99;

const ascending = (values: ReadonlyArray<number>): ReadonlyArray<number> => [...values].sort((a, b) => a - b);

/** The interval that leaves out the `rank` − 1 lowest and highest of `sorted`. */
const intervalOf = (
  sorted: ReadonlyArray<number>,
  rank: number,
): { readonly low: number; readonly high: number } => ({
  low: sorted[rank - 1] ?? Number.NaN,
  high: sorted[sorted.length - rank] ?? Number.NaN,
});

/**
 * The median's interval at `STOPPING_CONFIDENCE` (low, high), or undefined while there are too few rounds
 * for it (fewer than 8, where even min–max is not 99% sure).
 */
export const stoppingInterval = (
  values: ReadonlyArray<number>,
): { readonly low: number; readonly high: number } | undefined => {
  const rank = droppableRounds(values.length, STOPPING_CONFIDENCE);
  return rank === 0 ? undefined : intervalOf(ascending(values), rank);
};

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, interpolated between the two nearest ranks. */
export const quantile = (sorted: ReadonlyArray<number>, q: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const lower = sorted[below] ?? Number.NaN;
  const upper = sorted[above] ?? Number.NaN;
  return lower + (upper - lower) * (position - below);
};

export const median = (values: ReadonlyArray<number>): number => quantile(ascending(values), 0.5);

export const mean = (values: ReadonlyArray<number>): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

export const spreadOf = (values: ReadonlyArray<number>): Spread => {
  const sorted = ascending(values);
  return {
    median: quantile(sorted, 0.5),
    ...intervalOf(sorted, medianIntervalRank(sorted.length)),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    rounds: sorted.length,
  };
};

/** The spread's width relative to its median: comparable between figures of different sizes. */
export const relativeWidth = (spread: Spread): number =>
  spread.median === 0 ? Number.POSITIVE_INFINITY : (spread.high - spread.low) / Math.abs(spread.median);

/** Rounds for display without losing the ratio's meaning. */
export const round = (value: number, digits = 3): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
