import { expect } from 'chai';
import { makeBackgroundWork } from '../../src/in-memory/index.js';

describe('makeBackgroundWork', () => {
  it('counts running work and drains once all of it, including work started while draining, is done', async () => {
    const errors: unknown[] = [];
    const background = makeBackgroundWork((e) => errors.push(e));
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const done: string[] = [];
    background.spawn(async () => {
      await gate;
      done.push('first');
      background.spawn(() => {
        done.push('second');
        return Promise.resolve();
      });
    });
    background.spawn(() => Promise.reject(new Error('bug')));
    expect(background.running()).to.equal(2);
    const drained = background.drain();
    release();
    await drained;
    expect(done).to.deep.equal(['first', 'second']);
    expect(background.running()).to.equal(0);
    expect(errors).to.have.length(1);
  });
});
