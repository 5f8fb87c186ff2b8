import { expect } from 'chai';
import {
  mean,
  medianIntervalRank,
  quantile,
  relativeWidth,
  spreadOf,
  stoppingInterval,
} from '../src/harness/stats.js';

describe('bench statistics', () => {
  it('interpolates quantiles between the two nearest ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).to.equal(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).to.equal(2);
    expect(quantile([], 0.5)).to.be.NaN;
  });

  it('takes the median confidence interval from the binomial table: min–max up to 8 rounds, then narrower', () => {
    // published ranks of the distribution-free 95% interval of a median
    expect([5, 8, 9, 10, 12, 15, 20, 30].map((n) => medianIntervalRank(n))).to.deep.equal([
      1, 1, 2, 2, 3, 4, 6, 10,
    ]);
  });

  it('has no 99% stopping interval below 8 rounds, min–max from 8, and drops extremes from 12', () => {
    expect(stoppingInterval([1, 2, 3, 4, 5, 6, 7])).to.equal(undefined);
    expect(stoppingInterval([8, 1, 7, 2, 6, 3, 5, 4])).to.deep.equal({ low: 1, high: 8 });
    expect(stoppingInterval([12, 1, 11, 2, 10, 3, 9, 4, 8, 5, 7, 6])).to.deep.equal({ low: 2, high: 11 });
  });

  it('spreads a figure over its rounds whatever their order', () => {
    const spread = spreadOf([5, 1, 9, 3, 7, 2, 8, 4, 6]);
    expect(spread).to.deep.equal({ median: 5, low: 2, high: 8, q1: 3, q3: 7, min: 1, max: 9, rounds: 9 });
    expect(relativeWidth(spread)).to.equal(6 / 5);
  });

  it('gives a single count an exact spread', () => {
    expect(spreadOf([7])).to.include({ median: 7, low: 7, high: 7, rounds: 1 });
  });

  it('takes the mean of values in any order', () => {
    expect(mean([1, 4, 2, 9])).to.equal(4);
    expect(mean([2.5])).to.equal(2.5);
  });
});
