import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { InMemoryLock } from '../../src/in-memory/index.js';

/** A unit of work that records when it starts and ends, and finishes only when released. */
const gatedWork = (events: string[], name: string) => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const work: TE.TaskEither<string, string> = async () => {
    events.push(`start ${name}`);
    await gate;
    events.push(`end ${name}`);
    return E.right(name);
  };
  return { work, release: () => release() };
};

const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('InMemoryLock', () => {
  it('runs holders of the same key one after the other, in order', async () => {
    const lock = new InMemoryLock();
    const events: string[] = [];
    const first = gatedWork(events, 'first');
    const second = gatedWork(events, 'second');
    const p1 = lock.withLock('k', first.work)();
    const p2 = lock.withLock('k', second.work)();
    await settle();
    expect(events).to.deep.equal(['start first']);
    second.release();
    await settle();
    expect(events).to.deep.equal(['start first']);
    first.release();
    expect(await p1).to.deep.equal(E.right('first'));
    expect(await p2).to.deep.equal(E.right('second'));
    expect(events).to.deep.equal(['start first', 'end first', 'start second', 'end second']);
  });

  it('lets different keys run at the same time', async () => {
    const lock = new InMemoryLock();
    const events: string[] = [];
    const a = gatedWork(events, 'a');
    const b = gatedWork(events, 'b');
    const pa = lock.withLock('ka', a.work)();
    const pb = lock.withLock('kb', b.work)();
    await settle();
    expect(events).to.deep.equal(['start a', 'start b']);
    b.release();
    a.release();
    await Promise.all([pa, pb]);
  });

  it('passes a failure through, releases the key after it, and forgets idle keys', async () => {
    const lock = new InMemoryLock();
    const failed = await lock.withLock('k', TE.left('no'))();
    expect(failed).to.deep.equal(E.left('no'));
    const thrown = lock.withLock('k', () => Promise.reject(new Error('bug')))();
    await thrown.catch(() => undefined);
    expect(await lock.withLock('k', TE.right(1))()).to.deep.equal(E.right(1));
    await settle();
    expect(lock.activeKeys()).to.equal(0);
  });
});
