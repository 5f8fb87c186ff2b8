/**
 * A figure's target and the verdict its spread earns: `pass` when the whole spread is on the right side of
 * the target, `fail` when it is all on the wrong side, `inconclusive` when the target falls inside it.
 */
import type { Spread } from './stats.js';

export type Target =
  | { readonly kind: 'atMost'; readonly value: number }
  | { readonly kind: 'atLeast'; readonly value: number }
  | { readonly kind: 'exactly'; readonly value: number }
  | { readonly kind: 'reported' };

export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'reported';

export const atMost = (value: number): Target => ({ kind: 'atMost', value });
export const atLeast = (value: number): Target => ({ kind: 'atLeast', value });
export const exactly = (value: number): Target => ({ kind: 'exactly', value });
export const reported: Target = { kind: 'reported' };

export const describeTarget = (target: Target): string => {
  switch (target.kind) {
    case 'atMost':
      return `≤ ${target.value}`;
    case 'atLeast':
      return `≥ ${target.value}`;
    case 'exactly':
      return String(target.value);
    case 'reported':
      return 'reported';
  }
};

export const verdictOf = (spread: Pick<Spread, 'low' | 'high'>, target: Target): Verdict => {
  switch (target.kind) {
    case 'atMost':
      if (spread.high <= target.value) return 'pass';
      return spread.low > target.value ? 'fail' : 'inconclusive';
    case 'atLeast':
      if (spread.low >= target.value) return 'pass';
      return spread.high < target.value ? 'fail' : 'inconclusive';
    case 'exactly':
      if (spread.low === target.value && spread.high === target.value) return 'pass';
      return spread.high < target.value || spread.low > target.value ? 'fail' : 'inconclusive';
    case 'reported':
      return 'reported';
  }
};

/** Whether a larger value is the better one, for reading a new ÷ old ratio. */
export const higherIsBetter = (target: Target): boolean => target.kind === 'atLeast';
