import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { airbyteUnavailable, internal } from '../../src/errors/index.js';
import { makeTestDeps } from '../../src/testing/index.js';
import { lockedDeploy } from '../../src/use-cases/index.js';
import { runInBackground } from '../../src/use-cases/run-in-background.js';
import { componentOf } from './component.js';

describe('runInBackground', () => {
  it('answers a token whose task is RUNNING at once, then COMPLETED with the result', async () => {
    const deps = makeTestDeps();
    const token = await runInBackground(
      deps,
      deps.provisioningTasks,
    )(() => lockedDeploy(deps)(componentOf()))();
    expect(token).to.deep.equal(E.right('task-1'));
    expect(await deps.provisioningTasks.get('task-1')()).to.deep.equal(E.right({ status: 'RUNNING' }));
    expect(deps.background.running()).to.equal(1);
    await deps.background.drain();
    const view = await deps.provisioningTasks.get('task-1')();
    expect(E.isRight(view) && view.right.status).to.equal('COMPLETED');
  });

  it('ends FAILED with the failure, distinguishable from an unknown token', async () => {
    const deps = makeTestDeps();
    deps.gateway.failNext('findActorsByName', airbyteUnavailable('down'));
    await runInBackground(deps, deps.provisioningTasks)(() => lockedDeploy(deps)(componentOf()))();
    await deps.background.drain();
    const view = await deps.provisioningTasks.get('task-1')();
    expect(E.isRight(view) && view.right.status === 'FAILED' && view.right.failure.error).to.deep.equal({
      _tag: 'AirbyteFailure',
      step: 'find source "orders-file"',
      error: airbyteUnavailable('down'),
    });
    expect((await deps.provisioningTasks.get('task-2')())._tag).to.equal('Left');
  });

  it('lets the operation publish its progress under its token while RUNNING', async () => {
    const deps = makeTestDeps();
    const entry = { timestamp: '2026-01-01T00:00:00.000Z', level: 'INFO' as const, message: 'half-way' };
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let published: () => void = () => undefined;
    const hasPublished = new Promise<void>((resolve) => {
      published = resolve;
    });
    await runInBackground(
      deps,
      deps.provisioningTasks,
    )((publish) =>
      pipe(
        publish([entry]),
        TE.chain(() => TE.fromIO(published)),
        TE.chain(() => TE.fromTask(() => finished)),
        TE.map(() => ({ message: 'done', info: { publicInfo: {}, privateInfo: {} }, logs: [entry] })),
        TE.mapLeft((error) => ({ error, logs: [] })),
      ),
    )();
    await hasPublished;
    expect(await deps.provisioningTasks.get('task-1')()).to.deep.equal(
      E.right({ status: 'RUNNING', logs: [entry] }),
    );
    finish();
    await deps.background.drain();
    const view = await deps.provisioningTasks.get('task-1')();
    expect(E.isRight(view) && view.right.status).to.equal('COMPLETED');
  });

  it('fails at once when the task cannot be registered, and logs when its end cannot be recorded', async () => {
    const deps = makeTestDeps();
    await deps.provisioningTasks.create('task-1')();
    const clash = await runInBackground(
      deps,
      deps.provisioningTasks,
    )(() => TE.right({ message: '', info: { publicInfo: {}, privateInfo: {} }, logs: [] }))();
    expect(clash).to.deep.equal(E.left(internal('task token task-1 is already in use')));
    const tasks = { ...deps.provisioningTasks, complete: () => TE.left(internal('disk full')) };
    await runInBackground(
      deps,
      tasks,
    )(() => TE.right({ message: '', info: { publicInfo: {}, privateInfo: {} }, logs: [] }))();
    await deps.background.drain();
    expect(deps.logger.lines).to.deep.equal([
      {
        level: 'error',
        fields: { taskToken: 'task-2', error: 'Internal' },
        message: 'could not record the end of a task',
      },
    ]);
  });
});
