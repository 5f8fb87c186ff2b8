import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { internal, unknownTask } from '../../src/errors/index.js';
import type { ByteWriter } from '../../src/tasks/byte-writer.js';
import { makeReference, type Reference } from '../../src/tasks/delta-codec.js';
import type { FinishedTaskLog } from '../../src/tasks/finished-task-log.js';
import { InMemoryTaskRepository } from '../../src/tasks/index.js';
import { manualClock } from '../../src/testing/index.js';

const failure = { error: internal('boom'), logs: [] };

const setUp = (limits = { ttlMs: 1000, maxTasks: 3 }) => {
  const clock = manualClock(0);
  return { clock, tasks: new InMemoryTaskRepository<{ readonly n: number }>(clock, limits) };
};

/** Test-only: the repository's private parts, to corrupt them as a store bug would and to inspect them. */
const internalsOf = (tasks: object) =>
  tasks as unknown as {
    readonly finished: FinishedTaskLog;
    readonly references: Map<number, { reference: Reference; uses: number }>;
    readonly attempt: ByteWriter;
    readonly best: ByteWriter;
  };

const unreadable = (token: string) =>
  E.left(
    internal(
      `the result of task ${token} could not be read back from the task store; run the operation again`,
    ),
  );

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
    // every reference was released with the last task that used it, but the recent ones kept for reuse
    expect(internalsOf(tasks).references.size).to.be.at.most(4);
  });

  it('tells a result whose reference is gone as an internal error naming the token, not a wrong value', async () => {
    const { tasks } = setUp();
    await tasks.create('t1')();
    await tasks.complete('t1', { n: 1 })();
    internalsOf(tasks).references.clear();
    expect(await tasks.get('t1')()).to.deep.equal(unreadable('t1'));
  });

  it('tells a result that does not decode, or decodes to no JSON, as an internal error (a Left, not a throw)', async () => {
    const { tasks } = setUp();
    for (const t of ['t1', 't2']) {
      await tasks.create(t)();
      await tasks.complete(t, { n: 1 })();
    }
    // edits that run past their end
    internalsOf(tasks).finished.get('t1')!.payload.fill(0xff);
    expect(await tasks.get('t1')()).to.deep.equal(unreadable('t1'));
    // edits that decode, against a reference that is not the one they were made against
    for (const entry of internalsOf(tasks).references.values())
      entry.reference = makeReference('#'.repeat(entry.reference.text.length));
    expect(await tasks.get('t2')()).to.deep.equal(unreadable('t2'));
  });

  it('gives up the buffers a huge result grew, and keeps the result', async () => {
    const { tasks } = setUp();
    const capacities = () => [internalsOf(tasks).attempt.capacity, internalsOf(tasks).best.capacity];
    const first = { n: 1, text: randomBytes(192 * 1024).toString('base64') };
    // the first result and ~70,000 characters more: kept as edits against it, in buffers grown past 64 KiB
    const second = { n: 2, text: first.text + randomBytes(52 * 1024).toString('base64') };
    for (const [token, value] of [
      ['first', first],
      ['second', second],
    ] as const) {
      await tasks.create(token)();
      await tasks.complete(token, value)();
      expect(capacities(), token).to.deep.equal([4096, 4096]);
    }
    expect(internalsOf(tasks).finished.get('second')!.payload.length).to.be.above(64 * 1024);
    expect(await tasks.get('first')()).to.deep.equal(E.right({ status: 'COMPLETED', value: first }));
    expect(await tasks.get('second')()).to.deep.equal(E.right({ status: 'COMPLETED', value: second }));
  });
});
