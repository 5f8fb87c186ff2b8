import { expect } from 'chai';
import { createSleeper, type SleeperClock } from '../../src/sandbox/sleeper.js';

/** Timers the test fires by hand, on a clock it moves. */
const manualClock = () => {
  let time = 0;
  const timers = new Map<number, { readonly fire: () => void; readonly ms: number }>();
  let next = 0;
  const clock: SleeperClock = {
    now: () => time,
    setTimer: (fire, ms) => {
      next += 1;
      timers.set(next, { fire, ms });
      return next;
    },
    clearTimer: (timer) => timers.delete(timer as number),
  };
  /** Fires the only pending timer `lateMs` after it was due; returns the delay it asked for. */
  const fireLate = (lateMs: number): number => {
    const [[id, timer]] = [...timers.entries()] as [[number, { fire: () => void; ms: number }]];
    timers.delete(id);
    time += timer.ms + lateMs;
    timer.fire();
    return timer.ms;
  };
  return { clock, fireLate, pending: () => timers.size };
};

describe('sandbox sleeper', () => {
  it('asks for the full delay first, then starts earlier by what it measured timers to be late', async () => {
    const { clock, fireLate } = manualClock();
    const sleeper = createSleeper(clock);
    const asked: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const slept = sleeper.sleep(50);
      asked.push(fireLate(2));
      await slept;
    }
    expect(asked[0]).to.equal(50);
    expect(asked[1]).to.be.below(50);
    // timers that are always 2 ms late: the sleeps converge on asking for 48 ms
    expect(asked.at(-1)).to.be.closeTo(48, 0.1);
  });

  it('never starts more than a tenth of the delay, nor 5 ms, early', async () => {
    const { clock, fireLate } = manualClock();
    const sleeper = createSleeper(clock);
    for (let i = 0; i < 60; i += 1) {
      const slept = sleeper.sleep(100);
      fireLate(30);
      await slept;
    }
    const short = sleeper.sleep(20);
    expect(fireLate(0)).to.equal(18);
    await short;
    const long = sleeper.sleep(100);
    expect(fireLate(0)).to.be.closeTo(95, 1);
    await long;
  });

  it('wakes every sleep at once on wakeAll, and does not wait for a delay of 0', async () => {
    const { clock, pending } = manualClock();
    const sleeper = createSleeper(clock);
    const sleeps = [sleeper.sleep(1000), sleeper.sleep(5000), sleeper.sleep(0)];
    expect(pending()).to.equal(2);
    sleeper.wakeAll();
    await Promise.all(sleeps);
    expect(pending()).to.equal(0);
  });
});
