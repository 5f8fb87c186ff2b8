import { expect } from 'chai';
import { atLeast, atMost, describeTarget, exactly, reported, verdictOf } from '../src/harness/target.js';

describe('bench verdicts', () => {
  it('passes a ≤ target only when the whole spread is at or under it, fails it only when all is over', () => {
    expect(verdictOf({ low: 0.9, high: 1.1 }, atMost(1.1))).to.equal('pass');
    expect(verdictOf({ low: 1.05, high: 1.2 }, atMost(1.1))).to.equal('inconclusive');
    expect(verdictOf({ low: 1.11, high: 1.2 }, atMost(1.1))).to.equal('fail');
  });

  it('reads a ≥ target the other way round', () => {
    expect(verdictOf({ low: 0.75, high: 0.8 }, atLeast(0.75))).to.equal('pass');
    expect(verdictOf({ low: 0.7, high: 0.8 }, atLeast(0.75))).to.equal('inconclusive');
    expect(verdictOf({ low: 0.6, high: 0.74 }, atLeast(0.75))).to.equal('fail');
  });

  it('passes an exact target only when the spread is that value, and never judges a reported figure', () => {
    expect(verdictOf({ low: 0, high: 0 }, exactly(0))).to.equal('pass');
    expect(verdictOf({ low: 1, high: 1 }, exactly(0))).to.equal('fail');
    expect(verdictOf({ low: 3, high: 9 }, reported)).to.equal('reported');
    expect([atMost(2), atLeast(0.75), exactly(0), reported].map(describeTarget)).to.deep.equal([
      '≤ 2',
      '≥ 0.75',
      '0',
      'reported',
    ]);
  });
});
