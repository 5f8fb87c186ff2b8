import { expect } from 'chai';
import { timerScheduler } from '../../src/node/timer-scheduler.js';

describe('timerScheduler', () => {
  it('runs the work once its delay is over, on a timer that does not hold the process', async () => {
    const ran = await new Promise<boolean>((resolve) => {
      timerScheduler.runAfter(1, () => {
        resolve(true);
        return Promise.resolve();
      });
    });
    expect(ran).to.equal(true);
    // the timer is unref'd: a process with only such timers left exits (checked where it is made)
    const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    timerScheduler.runAfter(60_000, () => Promise.resolve());
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).to.equal(timers);
  });
});
