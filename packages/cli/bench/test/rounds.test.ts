import { expect } from 'chai';
import { interleavedRatio, measureRounds, sandwichedRatio } from '../src/harness/rounds.js';
import { atMost, reported } from '../src/harness/target.js';

/** A sample function that plays back values, each round taking `msPerRound` on a fake clock. */
const playback = (values: ReadonlyArray<number>, msPerRound = 100) => {
  let clock = 0;
  let taken = 0;
  return {
    now: () => clock,
    sample: (): Promise<number> => {
      clock += msPerRound;
      const value = values[taken % values.length] ?? Number.NaN;
      taken += 1;
      return Promise.resolve(value);
    },
  };
};

/** Rounds of played-back values (100 ms each on a fake clock) against a target at most `limit`. */
const roundsAtMost = (values: ReadonlyArray<number>, limit: number, budgetMs: number) => {
  const source = playback(values);
  return measureRounds(source.sample, { target: atMost(limit), budgetMs, now: source.now });
};

describe('bench rounds', () => {
  it('stops early only once the 99% interval is conclusive: at 8 rounds when all of them agree', async () => {
    const outcome = await roundsAtMost([1.0, 1.02, 0.98, 1.01, 0.99], 1.1, 10_000);
    // five rounds under the target were enough at 95% (min–max); 99% needs eight
    expect(outcome).to.include({ verdict: 'pass', stopped: 'conclusive' });
    expect(outcome.samples).to.have.length(8);
  });

  it('adds rounds while the 99% interval straddles the target, until it no longer does', async () => {
    // one round over the target keeps min–max across it until 12 rounds let the 99% interval drop it
    const values = [1.3, 1.0, 1.01, 0.99, 1.02, 1.0, 0.98, 1.01, 1.0, 1.02, 0.99, 1.0, 1.01];
    const outcome = await roundsAtMost(values, 1.1, 10_000);
    expect(outcome).to.include({ verdict: 'pass', stopped: 'conclusive' });
    expect(outcome.samples).to.have.length(12);
  });

  it('does not stop on a figure sitting on its target that looks conclusive at 95% after a few rounds', async () => {
    // the first 6 rounds happen to sit under 1.5 (their 95% spread, min–max, passes at round 5), the
    // rest straddle it: the figure runs to its budget and is reported inconclusive
    const values = [
      1.3, 1.45, 1.4, 1.35, 1.42, 1.38, 1.7, 1.41, 1.39, 1.6, 1.55, 1.65, 1.35, 1.62, 1.58, 1.44,
    ];
    const outcome = await roundsAtMost(values, 1.5, 1_600);
    expect(outcome).to.include({ verdict: 'inconclusive', stopped: 'budget spent' });
    expect(outcome.samples).to.have.length(16);
  });

  it('stops when one more round would overrun the budget, and says the figure is inconclusive', async () => {
    const outcome = await roundsAtMost([0.9, 1.3], 1.1, 1_000);
    expect(outcome).to.include({ verdict: 'inconclusive', stopped: 'budget spent' });
    expect(outcome.samples).to.have.length(10);
    expect(outcome.elapsedMs).to.be.at.most(1_000);
  });

  it('takes the minimum rounds even past the budget, and no more for a figure without a target', async () => {
    const slow = playback([4, 5], 10_000);
    const outcome = await measureRounds(slow.sample, { target: reported, budgetMs: 1, now: slow.now });
    expect(outcome).to.include({ verdict: 'reported', stopped: 'fixed rounds' });
    expect(outcome.samples).to.have.length(5);
  });

  it('alternates which side of a ratio goes first', async () => {
    const order: string[] = [];
    const side = (name: string, value: number) => (): Promise<number> => {
      order.push(name);
      return Promise.resolve(value);
    };
    expect(await interleavedRatio(0, side('A', 3), side('B', 2))).to.equal(1.5);
    expect(await interleavedRatio(1, side('A', 3), side('B', 2))).to.equal(1.5);
    expect(order).to.deep.equal(['A', 'B', 'B', 'A']);
  });

  it('measures each side of a sandwiched ratio in two halves around the other, and divides their sums', async () => {
    const order: string[] = [];
    const side = (name: string, halves: number[]) => (): Promise<number> => {
      order.push(name);
      return Promise.resolve(halves.shift() ?? Number.NaN);
    };
    // a machine slowing down through the round: the outer side's halves straddle the inner side's
    expect(await sandwichedRatio(0, side('A', [10, 6]), side('B', [9, 7]))).to.equal(1);
    expect(await sandwichedRatio(1, side('A', [4, 2]), side('B', [1, 2]))).to.equal(2);
    expect(order).to.deep.equal(['A', 'B', 'B', 'A', 'B', 'A', 'A', 'B']);
  });
});
