import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { internal, unknownTask } from '../../src/errors/index.js';
import { InMemoryTaskRepository } from '../../src/in-memory/index.js';
import { manualClock } from '../../src/testing/index.js';

const failure = { error: internal('boom'), logs: [] };

const setUp = (limits = { ttlMs: 1000, maxTasks: 3 }) => {
  const clock = manualClock(0);
  return { clock, tasks: new InMemoryTaskRepository<{ readonly n: number }>(clock, limits) };
};

describe('InMemoryTaskRepository', () => {
  it('moves a task from RUNNING to COMPLETED with its value', async () => {
    const { tasks } = setUp();
    expect(await tasks.create('t1')()).to.deep.equal(E.right(undefined));
    expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'RUNNING' }));
    expect(await tasks.complete('t1', { n: 1 })()).to.deep.equal(E.right(undefined));
    expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 1 } }));
  });

  it('moves a task from RUNNING to FAILED, distinguishable from an unknown token', async () => {
    const { tasks } = setUp();
    await tasks.create('t1')();
    await tasks.fail('t1', failure)();
    expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'FAILED', failure }));
    expect(await tasks.get('nope')()).to.deep.equal(E.left(unknownTask('nope')));
  });

  it('never moves a finished task again, nor reuses a token', async () => {
    const { tasks } = setUp();
    await tasks.create('t1')();
    await tasks.complete('t1', { n: 1 })();
    expect(await tasks.fail('t1', failure)()).to.deep.equal(
      E.left(internal('task t1 is already COMPLETED; statuses only move forward')),
    );
    expect(await tasks.complete('t1', { n: 2 })()).to.deep.equal(
      E.left(internal('task t1 is already COMPLETED; statuses only move forward')),
    );
    expect(await tasks.create('t1')()).to.deep.equal(E.left(internal('task token t1 is already in use')));
    expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 1 } }));
  });

  it('refuses to finish a task it does not know', async () => {
    const { tasks } = setUp();
    expect(await tasks.complete('ghost', { n: 1 })()).to.deep.equal(E.left(unknownTask('ghost')));
    expect(await tasks.fail('ghost', failure)()).to.deep.equal(E.left(unknownTask('ghost')));
  });

  it('forgets a finished task once its TTL has passed, but never a running one', async () => {
    const { clock, tasks } = setUp();
    await tasks.create('done')();
    await tasks.create('running')();
    await tasks.complete('done', { n: 1 })();
    clock.advance(999);
    expect((await tasks.get('done')())._tag).to.equal('Right');
    clock.advance(1);
    expect(await tasks.get('done')()).to.deep.equal(E.left(unknownTask('done')));
    clock.advance(1_000_000);
    expect(await tasks.get('running')()).to.deep.equal(E.right({ status: 'RUNNING' }));
  });

  it('evicts the oldest finished tasks first when full, never a running one', async () => {
    const { clock, tasks } = setUp({ ttlMs: 1_000_000, maxTasks: 3 });
    for (const t of ['a', 'b', 'c']) await tasks.create(t)();
    await tasks.complete('b', { n: 2 })();
    clock.advance(1);
    await tasks.complete('a', { n: 1 })();
    await tasks.create('d')();
    expect(await tasks.get('b')()).to.deep.equal(E.left(unknownTask('b')));
    expect((await tasks.get('a')())._tag).to.equal('Right');
    await tasks.create('e')();
    expect(await tasks.get('a')()).to.deep.equal(E.left(unknownTask('a')));
    // only running tasks left: they are all kept, even beyond the maximum
    await tasks.create('f')();
    expect(tasks.size()).to.equal(4);
    for (const t of ['c', 'd', 'e', 'f'])
      expect(await tasks.get(t)()).to.deep.equal(E.right({ status: 'RUNNING' }));
  });

  it('gives back every result exactly, however varied and interleaved with failures', async () => {
    const { clock, tasks } = setUp({ ttlMs: 10, maxTasks: 50 });
    const value = (i: number) => ({ n: i, text: `résultat → ${'x'.repeat(i % 7)} ${i.toString(16)}` });
    for (let i = 0; i < 200; i++) {
      await tasks.create(`t${i}`)();
      if (i % 3 === 0) await tasks.fail(`t${i}`, { error: internal(`boom ${i}`), logs: [] })();
      else await tasks.complete(`t${i}`, value(i))();
      clock.advance(i % 5 === 0 ? 3 : 0);
      const view = await tasks.get(`t${i}`)();
      expect(view).to.deep.equal(
        E.right(
          i % 3 === 0
            ? { status: 'FAILED', failure: { error: internal(`boom ${i}`), logs: [] } }
            : { status: 'COMPLETED', value: value(i) },
        ),
      );
    }
  });

  it('holds 100,000 finished tasks', async () => {
    const { tasks } = setUp({ ttlMs: 1_000_000, maxTasks: 100_000 });
    for (let i = 0; i < 100_000; i++) {
      await tasks.create(`t${i}`)();
      await tasks.complete(`t${i}`, { n: i })();
    }
    expect(tasks.size()).to.equal(100_000);
    expect(await tasks.get('t0')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 0 } }));
    await tasks.create('one-more')();
    expect(await tasks.get('t0')()).to.deep.equal(E.left(unknownTask('t0')));
  });

  it('keeps results under UUID tokens through eviction by count and by age', async () => {
    const { clock, tasks } = setUp({ ttlMs: 100, maxTasks: 40 });
    const value = (n: number) => ({
      n,
      ids: [randomUUID(), randomUUID()],
      fingerprint: `hmac-sha256:${randomBytes(32).toString('hex')}`,
    });
    const done: Array<{ readonly token: string; readonly value: ReturnType<typeof value> }> = [];
    for (let n = 0; n < 500; n++) {
      const token = randomUUID();
      await tasks.create(token)();
      done.push({ token, value: value(n) });
      expect(await tasks.complete(token, done[n]!.value)()).to.deep.equal(E.right(undefined));
      if (n % 50 === 49) clock.advance(1);
    }
    expect(tasks.size()).to.equal(40);
    for (const { token, value: v } of done.slice(-40))
      expect(await tasks.get(token)()).to.deep.equal(E.right({ status: 'COMPLETED', value: v }));
    for (const { token } of done.slice(0, -40))
      expect(await tasks.get(token)()).to.deep.equal(E.left(unknownTask(token)));
    clock.advance(100);
    expect(tasks.size()).to.equal(0);
    expect(await tasks.get(done.at(-1)!.token)()).to.deep.equal(E.left(unknownTask(done.at(-1)!.token)));
  });

  it('hands back the value it was given, typed, not a copy rebuilt from text', async () => {
    const clock = manualClock(0);
    const tasks = new InMemoryTaskRepository<{ readonly at: Date; readonly missing: number | undefined }>(
      clock,
    );
    const value = { at: new Date(0), missing: undefined };
    await tasks.create('t1')();
    await tasks.complete('t1', value)();
    const view = await tasks.get('t1')();
    expect(E.isRight(view) && view.right.status === 'COMPLETED' && view.right.value).to.equal(value);
  });

  it('evicts by age from the oldest finished task on, whatever order the tasks were created in', async () => {
    const { clock, tasks } = setUp({ ttlMs: 10, maxTasks: 100 });
    for (const t of ['a', 'b', 'c']) await tasks.create(t)();
    await tasks.complete('c', { n: 3 })();
    clock.advance(5);
    await tasks.fail('a', failure)();
    clock.advance(5);
    expect(await tasks.get('c')()).to.deep.equal(E.left(unknownTask('c')));
    expect(await tasks.get('a')()).to.deep.equal(E.right({ status: 'FAILED', failure }));
    expect(await tasks.get('b')()).to.deep.equal(E.right({ status: 'RUNNING' }));
    expect(tasks.size()).to.equal(2);
  });
});
