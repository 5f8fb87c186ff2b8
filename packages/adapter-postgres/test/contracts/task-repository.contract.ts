/** What every `TaskRepository` must do, whichever store keeps it. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import {
  MAX_PROGRESS_LOGS,
  type LogEntry,
  type OperationFailure,
  type TaskRepository,
} from '@airbyte-provisioner/core';

export interface TaskRepositoryFixture {
  readonly tasks: TaskRepository<{ readonly n: number }>;
  /** Moves every finished task past its time to live. */
  readonly expireFinished: () => Promise<void>;
  readonly close: () => Promise<void>;
}

const failure: OperationFailure = {
  error: { _tag: 'Internal', message: 'boom' },
  logs: [{ timestamp: '2026-01-01T00:00:00.000Z', level: 'ERROR', message: 'it broke', phase: 'source' }],
};

export const taskRepositoryContract = (name: string, make: () => Promise<TaskRepositoryFixture>): void => {
  describe(`TaskRepository contract: ${name}`, () => {
    let fixture: TaskRepositoryFixture;
    beforeEach(async () => {
      fixture = await make();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('keeps a task RUNNING from its creation, then COMPLETED with its value', async () => {
      const { tasks } = fixture;
      expect(await tasks.create('t1')()).to.deep.equal(E.right(undefined));
      expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'RUNNING' }));
      expect(await tasks.complete('t1', { n: 42 })()).to.deep.equal(E.right(undefined));
      expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 42 } }));
    });

    it('shows the progress a RUNNING task published, the latest replacing the earlier, then its outcome', async () => {
      const { tasks } = fixture;
      await tasks.create('t1')();
      const step = (n: number): LogEntry => ({
        timestamp: '2026-01-01T00:00:00.000Z',
        level: 'INFO',
        message: `step ${n}`,
        phase: 'sync',
      });
      expect(await tasks.progress('t1', [step(1)])()).to.deep.equal(E.right(undefined));
      expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'RUNNING', logs: [step(1)] }));
      expect(await tasks.progress('t1', [step(1), step(2)])()).to.deep.equal(E.right(undefined));
      expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'RUNNING', logs: [step(1), step(2)] }));
      await tasks.complete('t1', { n: 1 })();
      expect(await tasks.progress('t1', [step(3)])()).to.deep.equal(E.right(undefined));
      expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 1 } }));
      expect(await tasks.progress('nope', [step(1)])()).to.deep.equal(
        E.left({ _tag: 'UnknownTask', token: 'nope' }),
      );
    });

    it(`keeps only the last ${MAX_PROGRESS_LOGS} progress entries of a RUNNING task`, async () => {
      const { tasks } = fixture;
      await tasks.create('t1')();
      const many = Array.from({ length: MAX_PROGRESS_LOGS + 7 }, (_, i) => ({
        timestamp: '2026-01-01T00:00:00.000Z',
        level: 'INFO' as const,
        message: `poll ${i}`,
      }));
      await tasks.progress('t1', many)();
      const view = await tasks.get('t1')();
      expect(E.isRight(view) && view.right.status === 'RUNNING' && view.right.logs).to.deep.equal(
        many.slice(7),
      );
    });

    it('keeps a failed task FAILED with its failure, logs included', async () => {
      const { tasks } = fixture;
      await tasks.create('t1')();
      await tasks.fail('t1', failure)();
      expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'FAILED', failure }));
    });

    it('answers UnknownTask for a token never issued, and for finishing one', async () => {
      const { tasks } = fixture;
      expect(await tasks.get('nope')()).to.deep.equal(E.left({ _tag: 'UnknownTask', token: 'nope' }));
      expect(await tasks.complete('nope', { n: 1 })()).to.deep.equal(
        E.left({ _tag: 'UnknownTask', token: 'nope' }),
      );
    });

    it('refuses a token already in use', async () => {
      const { tasks } = fixture;
      await tasks.create('t1')();
      const again = await tasks.create('t1')();
      expect(E.isLeft(again) && again.left._tag).to.equal('Internal');
    });

    it('never rewrites a finished task', async () => {
      const { tasks } = fixture;
      await tasks.create('t1')();
      await tasks.complete('t1', { n: 1 })();
      const failed = await tasks.fail('t1', failure)();
      const completed = await tasks.complete('t1', { n: 2 })();
      expect(E.isLeft(failed) && failed.left._tag).to.equal('Internal');
      expect(E.isLeft(completed) && completed.left._tag).to.equal('Internal');
      expect(await tasks.get('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: { n: 1 } }));
    });

    it('forgets a finished task after its time to live, never a running one', async () => {
      const { tasks } = fixture;
      await tasks.create('done')();
      await tasks.complete('done', { n: 1 })();
      await tasks.create('running')();
      await fixture.expireFinished();
      expect(await tasks.get('done')()).to.deep.equal(E.left({ _tag: 'UnknownTask', token: 'done' }));
      expect(await tasks.get('running')()).to.deep.equal(E.right({ status: 'RUNNING' }));
    });
  });
};
