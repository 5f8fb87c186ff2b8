/**
 * Rounds of one figure, grown within a time budget. Each round yields one value of the figure (a ratio
 * whose two sides were measured back to back); after a minimum number of rounds, measuring stops as soon
 * as the median's 99% interval is conclusive for the target (a stricter bar than the 95% spread reported,
 * since the rounds are looked at after each one), or when one more round would overrun the budget. The
 * verdict is always the reported 95% spread's.
 */
import { spreadOf, stoppingInterval, type Spread } from './stats.js';
import { verdictOf, type Target, type Verdict } from './target.js';

export interface RoundsPlan {
  readonly target: Target;
  readonly budgetMs: number;
  /** Rounds taken whatever the budget says: below five, quartiles mean little. */
  readonly minRounds?: number;
  readonly maxRounds?: number;
  /** The clock, in ms (tests pass their own). */
  readonly now?: () => number;
}

/** `fixed rounds`: a figure with no target takes its minimum and stops. */
export type StopReason = 'conclusive' | 'fixed rounds' | 'budget spent' | 'most rounds';

export interface RoundsOutcome {
  readonly samples: ReadonlyArray<number>;
  readonly spread: Spread;
  readonly verdict: Verdict;
  readonly elapsedMs: number;
  readonly stopped: StopReason;
}

export const DEFAULT_MIN_ROUNDS = 5;
const DEFAULT_MAX_ROUNDS = 60;

export const measureRounds = async (
  sample: (round: number) => Promise<number>,
  plan: RoundsPlan,
): Promise<RoundsOutcome> => {
  const now = plan.now ?? (() => performance.now());
  const minRounds = plan.minRounds ?? DEFAULT_MIN_ROUNDS;
  const maxRounds = plan.maxRounds ?? DEFAULT_MAX_ROUNDS;
  const started = now();
  const samples: number[] = [];
  const outcome = (stopped: StopReason): RoundsOutcome => {
    const spread = spreadOf(samples);
    return { samples, spread, verdict: verdictOf(spread, plan.target), elapsedMs: now() - started, stopped };
  };
  for (;;) {
    samples.push(await sample(samples.length));
    if (samples.length < minRounds) continue;
    if (plan.target.kind === 'reported') return outcome('fixed rounds');
    const interval = stoppingInterval(samples);
    if (interval !== undefined && verdictOf(interval, plan.target) !== 'inconclusive')
      return outcome('conclusive');
    if (samples.length >= maxRounds) return outcome('most rounds');
    const elapsed = now() - started;
    if (elapsed + elapsed / samples.length > plan.budgetMs) return outcome('budget spent');
  }
};

/**
 * One round of a ratio whose two sides are measured back to back: even rounds measure the numerator
 * first, odd rounds the denominator first, so neither side always follows the other's load.
 */
export const interleavedRatio = async (
  round: number,
  numerator: () => Promise<number>,
  denominator: () => Promise<number>,
): Promise<number> => {
  if (round % 2 === 0) {
    const top = await numerator();
    return top / (await denominator());
  }
  const bottom = await denominator();
  return (await numerator()) / bottom;
};

/**
 * One round of a ratio of two rates, each side measured in two halves around the other side (A B B A, then
 * B A A B): a drift in the machine's speed during the round meets both sides alike. Each side's value is
 * the mean of its halves; `numerator` and `denominator` measure one half each call.
 */
export const sandwichedRatio = async (
  round: number,
  numerator: () => Promise<number>,
  denominator: () => Promise<number>,
): Promise<number> => {
  const [outer, inner] = round % 2 === 0 ? [numerator, denominator] : [denominator, numerator];
  const outerFirst = await outer();
  const innerSum = (await inner()) + (await inner());
  const outerSum = outerFirst + (await outer());
  return round % 2 === 0 ? outerSum / innerSum : innerSum / outerSum;
};
