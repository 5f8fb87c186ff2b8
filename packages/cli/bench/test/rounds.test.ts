import { expect } from 'chai';
import { interleavedRatio, measureRounds } from '../src/harness/rounds.js';
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
    taken: () => taken,
  };
};

describe('bench rounds', () => {
  it('stops at the minimum once the spread is conclusive', async () => {
    const source = playback([1.0, 1.02, 0.98, 1.01, 0.99]);
    const outcome = await measureRounds(source.sample, {
      target: atMost(1.1),
      budgetMs: 10_000,
      now: source.now,
    });
    expect(outcome).to.include({ verdict: 'pass', stopped: 'conclusive' });
    expect(outcome.samples).to.have.length(5);
  });

  it('adds rounds while the spread straddles the target, until it no longer does', async () => {
    // one round over the target keeps min–max across it until 9 rounds let the interval drop it
    const source = playback([1.3, 1.0, 1.01, 0.99, 1.02, 1.0, 0.98, 1.01, 1.0]);
    const outcome = await measureRounds(source.sample, {
      target: atMost(1.1),
      budgetMs: 10_000,
      now: source.now,
    });
    expect(outcome).to.include({ verdict: 'pass', stopped: 'conclusive' });
    expect(outcome.samples).to.have.length(9);
  });

  it('stops when one more round would overrun the budget, and says the figure is inconclusive', async () => {
    const source = playback([0.9, 1.3]);
    const outcome = await measureRounds(source.sample, {
      target: atMost(1.1),
      budgetMs: 1_000,
      now: source.now,
    });
    expect(outcome).to.include({ verdict: 'inconclusive', stopped: 'budget spent' });
    expect(source.taken()).to.equal(10);
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
});
