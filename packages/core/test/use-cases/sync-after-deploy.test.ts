import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { DesiredState, JobStatus, OperationFailure, OperationResult } from '../../src/domain/index.js';
import { airbyteUnavailable, stateUnavailable } from '../../src/errors/index.js';
import { makeTestDeps, steppingTimer, type TestDeps } from '../../src/testing/index.js';
import { deployComponent, lockedUndeploy } from '../../src/use-cases/index.js';
import { baseDesired, componentOf, recordOf } from './component.js';

type Policy = DesiredState['connection']['syncOnProvision'];

const syncing = (
  policy: Policy,
  wait?: DesiredState['connection']['waitForSync'],
  schema = 'ORDERS',
): DesiredState => ({
  ...baseDesired,
  destination: {
    ...baseDesired.destination,
    configuration: { ...baseDesired.destination.configuration, schema },
  },
  connection: {
    ...baseDesired.connection,
    syncOnProvision: policy,
    ...(wait === undefined ? {} : { waitForSync: wait }),
  },
});

const deploy = (
  deps: TestDeps,
  desired: DesiredState,
): Promise<E.Either<OperationFailure, OperationResult>> => deployComponent(deps)(componentOf(desired))();

const right = async (deps: TestDeps, desired: DesiredState): Promise<OperationResult> => {
  const result = await deploy(deps, desired);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

const starts = (deps: TestDeps) => deps.gateway.calls.filter((c) => c.method === 'startSync').length;

/** Deps whose timer ends the running job with `status` at the nth sleep (a poll later sees it). */
const endingJobAt = (sleep: number, status: JobStatus): TestDeps => {
  const deps = makeTestDeps();
  return {
    ...deps,
    timer: steppingTimer(deps.clock, (n) => {
      if (n === sleep) deps.gateway.finishJob(1, status);
    }),
  };
};

describe('sync after deploy', () => {
  it('never: no sync, whatever changed', async () => {
    const deps = makeTestDeps();
    await right(deps, syncing('never'));
    expect(starts(deps)).to.equal(0);
  });

  it('onCreate: a sync after the create, none after an update or a no-op', async () => {
    const deps = makeTestDeps();
    expect(recordOf(await right(deps, syncing('onCreate'))).lastJobId).to.equal(1);
    deps.gateway.finishJob(1, 'succeeded');
    await right(deps, syncing('onCreate', undefined, 'OTHER'));
    await right(deps, syncing('onCreate', undefined, 'OTHER'));
    expect(starts(deps)).to.equal(1);
  });

  it('onChange: a sync after each change, none when nothing changed', async () => {
    const deps = makeTestDeps();
    await right(deps, syncing('onChange'));
    deps.gateway.finishJob(1, 'succeeded');
    const same = await right(deps, syncing('onChange'));
    expect(starts(deps)).to.equal(1);
    expect(same.info.publicInfo['lastSyncJob']).to.equal(undefined);
    const changed = await right(deps, syncing('onChange', undefined, 'OTHER'));
    expect(starts(deps)).to.equal(2);
    expect(recordOf(changed)).to.deep.include({ lastJobId: 2 });
    expect(recordOf(changed).syncDue).to.equal(undefined);
  });

  it('always: a sync on every provision; one still running is attached to, not doubled', async () => {
    const deps = makeTestDeps();
    await right(deps, syncing('always'));
    const again = await right(deps, syncing('always'));
    expect(recordOf(again).lastJobId).to.equal(1);
    deps.gateway.finishJob(1, 'succeeded');
    expect(recordOf(await right(deps, syncing('always'))).lastJobId).to.equal(2);
  });

  it('a deploy that failed after its change syncs on the retry, which has nothing left to write', async () => {
    const deps = makeTestDeps();
    deps.gateway.failNext('startSync', airbyteUnavailable('timeout'));
    const failed = await deploy(deps, syncing('onCreate'));
    expect(E.isLeft(failed) && failed.left.info?.privateInfo['airbyte']).to.deep.include({ syncDue: true });
    const retry = await right(deps, syncing('onCreate'));
    expect(recordOf(retry)).to.deep.include({ lastJobId: 1 });
    expect(recordOf(retry).syncDue).to.equal(undefined);
    // and the retry of that retry starts nothing more
    deps.gateway.finishJob(1, 'succeeded');
    await right(deps, syncing('onCreate'));
    expect(deps.gateway.calls.filter((c) => c.method === 'startSync')).to.have.length(2);
  });

  it('without waiting: COMPLETED at once with the job id private and a link to the job public', async () => {
    const deps = makeTestDeps({ airbyteUiUrl: 'https://airbyte.example.com' });
    const result = await right(deps, syncing('always'));
    expect(recordOf(result).lastJobId).to.equal(1);
    expect(result.info.publicInfo['lastSyncJob']).to.deep.equal({
      type: 'link',
      label: 'Sync job',
      value: 'job 1 (running)',
      href: 'https://airbyte.example.com/workspaces/workspace-1/connections/connection-3/job-history#1::0',
    });
    expect(deps.gateway.calls.some((c) => c.method === 'getJob')).to.equal(false);
  });

  it('waiting: polls until the job succeeds, logging its progress', async () => {
    const deps = endingJobAt(3, 'succeeded');
    const result = await right(deps, syncing('always', { timeoutSeconds: 60, onTimeout: 'fail' }));
    expect(deps.gateway.calls.filter((c) => c.method === 'getJob')).to.have.length(3);
    expect(result.logs.map((l) => l.message).slice(-2)).to.deep.equal([
      'Sync job 1 is succeeded',
      'Sync job 1 succeeded',
    ]);
    expect(result.info.publicInfo['lastSyncJob']?.value).to.equal('job 1 (succeeded)');
  });

  for (const status of ['failed', 'cancelled'] as const) {
    it(`waiting: a ${status} job fails the deploy with Airbyte's word, and the sync is due again`, async () => {
      const deps = endingJobAt(2, status);
      const failed = await deploy(deps, syncing('onCreate', { timeoutSeconds: 60, onTimeout: 'fail' }));
      if (E.isRight(failed)) throw new Error('expected a failure');
      expect(failed.left.error).to.deep.include({ _tag: 'StateConflict', step: 'wait for the sync' });
      expect(failed.left.logs.at(-1)?.message).to.include(`Airbyte reports sync job 1 ${status}`);
      expect(failed.left.info?.privateInfo['airbyte']).to.deep.include({ lastJobId: 1, syncDue: true });
      // the next provision (nothing to write) starts the sync again
      const retry = await right(deps, syncing('onCreate'));
      expect(recordOf(retry)).to.deep.include({ lastJobId: 2 });
    });
  }

  it("waiting: publishes the job's progress while the task runs: its start and link, then each change", async () => {
    const made = makeTestDeps({ airbyteUiUrl: 'https://airbyte.example.com' });
    const published: string[][] = [];
    const deps: TestDeps = {
      ...made,
      publishProgress: (logs) =>
        TE.fromIO(() => {
          published.push(logs.map((l) => l.message));
        }),
      timer: steppingTimer(made.clock, (n) => {
        if (n === 1) made.gateway.reportJob(1, { rowsSynced: 100, bytesSynced: 2000, duration: 'PT5S' });
        // n === 2: nothing moved, nothing published
        if (n === 3) made.gateway.reportJob(1, { rowsSynced: 1250, bytesSynced: 5_600_000 });
        if (n === 4) {
          made.gateway.reportJob(1, { rowsSynced: 1300, bytesSynced: 5_700_000 });
          made.gateway.finishJob(1, 'succeeded');
        }
      }),
    };
    const result = await right(deps, syncing('always', { timeoutSeconds: 60, onTimeout: 'fail' }));
    const link =
      'https://airbyte.example.com/workspaces/workspace-1/connections/connection-3/job-history#1::0';
    expect(published.map((logs) => logs.at(-1))).to.deep.equal([
      `Started sync job 1 (status running): ${link}`,
      'Sync job 1 is running: 100 rows (2.0 kB) synced so far',
      'Sync job 1 is running: 1,250 rows (5.6 MB) synced so far',
    ]);
    // counts alone replace their previous line: the log of a long job stays short
    expect(published[2]?.slice(-2)).to.deep.equal([
      `Started sync job 1 (status running): ${link}`,
      'Sync job 1 is running: 1,250 rows (5.6 MB) synced so far',
    ]);
    expect(result.logs.map((l) => l.message).slice(-4)).to.deep.equal([
      `Started sync job 1 (status running): ${link}`,
      'Sync job 1 is running: 1,250 rows (5.6 MB) synced so far',
      'Sync job 1 is succeeded: 1,300 rows (5.7 MB) synced',
      'Sync job 1 succeeded',
    ]);
  });

  it("waiting: a failure to publish the progress is logged, never the deploy's failure", async () => {
    const made = endingJobAt(2, 'succeeded');
    const deps: TestDeps = { ...made, publishProgress: () => TE.left(stateUnavailable('database down')) };
    const result = await right(deps, syncing('always', { timeoutSeconds: 60, onTimeout: 'fail' }));
    expect(result.logs.at(-1)?.message).to.equal('Sync job 1 succeeded');
    expect(deps.logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).to.include(
      'could not publish the progress of a running task',
    );
  });

  const failedWith = async (deps: TestDeps, wait: DesiredState['connection']['waitForSync']) => {
    const failed = await deploy(deps, syncing('onCreate', wait));
    if (E.isRight(failed)) throw new Error('expected a failure');
    return failed.left;
  };

  for (const [status, by] of [
    ['failed', ''],
    ['cancelled', ' (cancelled in Airbyte, by a person or a call to its API)'],
  ] as const) {
    it(`waiting: a ${status} job's failure says all the public API tells: status, duration, counts, and the job's link`, async () => {
      const made = makeTestDeps({ airbyteUiUrl: 'https://airbyte.example.com/' });
      const deps: TestDeps = {
        ...made,
        timer: steppingTimer(made.clock, (n) => {
          if (n !== 1) return;
          made.gateway.reportJob(1, { rowsSynced: 1200, bytesSynced: 56_000, duration: 'PT3M5S' });
          made.gateway.finishJob(1, status);
        }),
      };
      const failure = await failedWith(deps, { timeoutSeconds: 60, onTimeout: 'fail' });
      expect(failure.error).to.deep.equal({
        _tag: 'StateConflict',
        step: 'wait for the sync',
        message:
          `Airbyte reports sync job 1 ${status}${by} after 3 min 5 s, with 1,200 rows (56.0 kB) synced. ` +
          "Airbyte's public API does not say why: see the job's logs in the Airbyte UI: " +
          'https://airbyte.example.com/workspaces/workspace-1/connections/connection-3/job-history#1::0. ' +
          'The next provision starts the sync again',
        ids: ['1'],
      });
    });
  }

  it('waiting: without a UI address, a failure says where the job is in the Airbyte UI', async () => {
    const failure = await failedWith(endingJobAt(1, 'failed'), { timeoutSeconds: 60, onTimeout: 'fail' });
    expect(failure.error).to.deep.include({
      message:
        "Airbyte reports sync job 1 failed. Airbyte's public API does not say why: see the job's logs in the " +
        'Airbyte UI, job history of connection connection-3, job 1. The next provision starts the sync again',
    });
  });

  it('waiting: an incomplete job (an attempt failed, Airbyte retries) is followed to the deadline, then FAILED saying so', async () => {
    const made = makeTestDeps();
    const deps: TestDeps = {
      ...made,
      timer: steppingTimer(made.clock, (n) => {
        if (n !== 1) return;
        made.gateway.reportJob(1, { rowsSynced: 10, bytesSynced: 999, duration: 'PT1H' });
        made.gateway.finishJob(1, 'incomplete');
      }),
    };
    const failure = await failedWith(deps, { timeoutSeconds: 12, onTimeout: 'fail' });
    expect(failure.logs.map((l) => l.message)).to.include(
      'Sync job 1 is incomplete (an attempt failed; Airbyte tries again): 10 rows (999 B) synced so far',
    );
    expect(failure.error).to.deep.include({
      message:
        'sync job 1 is still incomplete after 12 s (syncTimeoutSeconds): its last attempt failed and Airbyte ' +
        'tries again (the public API does not say why), with 10 rows (999 B) synced so far; it keeps running ' +
        'in Airbyte, see it in the Airbyte UI, job history of connection connection-3, job 1. The next ' +
        'provision starts a new sync if it did not succeed',
    });
    expect(failure.info?.privateInfo['airbyte']).to.deep.include({ lastJobId: 1, syncDue: true });
  });

  it('waiting: a job still running at the deadline fails the deploy, or warns when configured so', async () => {
    const deps = makeTestDeps();
    const failed = await deploy(deps, syncing('always', { timeoutSeconds: 12, onTimeout: 'fail' }));
    if (E.isRight(failed)) throw new Error('expected a failure');
    expect(failed.left.logs.at(-1)?.message).to.include('sync job 1 is still running after 12 s');
    // 12 s at 5 s a poll: three polls, the last one at the deadline
    expect(deps.gateway.calls.filter((c) => c.method === 'getJob')).to.have.length(3);

    const warned = await right(deps, syncing('always', { timeoutSeconds: 1, onTimeout: 'warn' }));
    expect(warned.logs.filter((l) => l.level === 'WARNING').map((l) => l.message)).to.deep.equal([
      'Sync job 1 is still running after 1 s; not waiting any longer (it keeps running in Airbyte)',
    ]);
  });

  it('waiting: a failed read of the job fails the deploy with the job id already recorded', async () => {
    const deps = makeTestDeps();
    await right(deps, syncing('never'));
    deps.gateway.failNext('getJob', airbyteUnavailable('connection reset'));
    const failed = await deploy(deps, syncing('always', { timeoutSeconds: 60, onTimeout: 'fail' }));
    expect(E.isLeft(failed) && failed.left.error).to.deep.include({
      _tag: 'AirbyteFailure',
      step: 'read sync job 1',
    });
    const stored = await deps.deploymentRecords.get(componentOf().componentId)();
    expect(E.isRight(stored) && O.toUndefined(stored.right)).to.deep.include({ lastJobId: 1 });
  });

  it('waiting without a timer is refused, never a silent success', async () => {
    const { timer: _none, ...deps } = makeTestDeps();
    const failed = await deployComponent(deps)(
      componentOf(syncing('always', { timeoutSeconds: 5, onTimeout: 'fail' })),
    )();
    expect(E.isLeft(failed) && failed.left.error._tag).to.equal('Unsupported');
  });
});

describe('unprovision with removeData', () => {
  it('clears the synced data with a clear job, waits for it, then deletes the connection', async () => {
    const deps = endingJobAt(1, 'succeeded');
    await right(deps, syncing('never'));
    const result = await lockedUndeploy(deps)({ ...componentOf(), removeData: true })();
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    const methods = deps.gateway.calls.map((c) => c.method);
    expect(methods.indexOf('clearData')).to.be.lessThan(methods.indexOf('deleteConnection'));
    expect(result.right.logs.map((l) => l.message)).to.include.members([
      'Started clear job 1 to remove the data connection connection-3 synced',
      'Cleared the data connection connection-3 synced (clear job 1 succeeded)',
    ]);
    expect(deps.gateway.listConnections()).to.deep.equal([]);
  });

  it('keeps the connection when the clear job fails, so that asking again clears again', async () => {
    const deps = endingJobAt(1, 'failed');
    await right(deps, syncing('never'));
    const result = await lockedUndeploy(deps)({ ...componentOf(), removeData: true })();
    expect(E.isLeft(result) && result.left.error).to.deep.include({ step: 'clear the synced data' });
    expect(deps.gateway.listConnections()).to.have.length(1);
  });

  it('without removeData runs no clear job', async () => {
    const deps = makeTestDeps();
    await right(deps, syncing('never'));
    await lockedUndeploy(deps)(componentOf())();
    expect(deps.gateway.calls.some((c) => c.method === 'clearData')).to.equal(false);
  });
});
