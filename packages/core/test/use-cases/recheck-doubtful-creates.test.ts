import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { airbyteUnavailable } from '../../src/errors/index.js';
import { makeTestDeps, manualScheduler, type TestDeps } from '../../src/testing/index.js';
import {
  DOUBT_RECHECKS_MS,
  DOUBT_WINDOW_MS,
  deployComponent,
  undeployComponent,
} from '../../src/use-cases/index.js';
import { componentOf, recordOf } from './component.js';

const setUp = () => {
  const scheduler = manualScheduler();
  const deps = makeTestDeps({ scheduler });
  return { deps, scheduler };
};

const deploy = async (deps: TestDeps) => {
  const result = await deployComponent(deps)(componentOf())();
  if (E.isLeft(result)) throw new Error(`deploy failed: ${JSON.stringify(result.left.error)}`);
  return result.right;
};

const storedRecord = async (deps: TestDeps) => {
  const stored = await deps.deploymentRecords.get(componentOf().componentId)();
  return E.isRight(stored) ? O.toUndefined(stored.right) : undefined;
};

describe('late copies looked for in the background after a doubtful create', () => {
  it('schedules looks within and at the end of the doubt window, and none after a deploy without doubt', async () => {
    const { deps, scheduler } = setUp();
    await deploy(deps);
    expect(scheduler.delays()).to.deep.equal([]);
    const doubtful = setUp();
    doubtful.deps.gateway.loseNextCreateAnswer('createActor', doubtful.deps.clock.now());
    await deploy(doubtful.deps);
    expect(doubtful.scheduler.delays()).to.deep.equal([...DOUBT_RECHECKS_MS]);
    expect(DOUBT_RECHECKS_MS.at(-1)).to.be.greaterThan(DOUBT_WINDOW_MS);
  });

  it('deletes a copy that lands after the deploy, with nobody deploying again, and keeps ours', async () => {
    const { deps, scheduler } = setUp();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    const first = await deploy(deps);
    const copy = lost.land();
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.include(copy);
    deps.clock.advance(DOUBT_RECHECKS_MS[0]!);
    await scheduler.runDue(DOUBT_RECHECKS_MS[0]!);
    await deps.background.drain();
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.deep.equal([recordOf(first).sourceId]);
    expect(deps.logger.lines.map((l) => l.message)).to.include(
      `Background look for late copies: Deleted source "${componentOf().desired.source.name}" (${copy}), a late copy of a create whose answer was lost`,
    );
    // still within the window: the doubt is kept for the later looks
    expect((await storedRecord(deps))?.doubtfulCreates).to.have.length(1);
    deps.clock.advance(DOUBT_WINDOW_MS);
    await scheduler.runDue(Number.MAX_SAFE_INTEGER);
    await deps.background.drain();
    expect((await storedRecord(deps))?.doubtfulCreates).to.equal(undefined);
  });

  it('does nothing once the component was unprovisioned, and logs a failed look without throwing', async () => {
    const { deps, scheduler } = setUp();
    deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    const first = await deploy(deps);
    deps.gateway.failNext('findActorsByName', airbyteUnavailable('connection reset'));
    await scheduler.runDue(DOUBT_RECHECKS_MS[0]!);
    await deps.background.drain();
    expect(
      deps.logger.lines.some((l) => l.message.startsWith('Background look for late copies: Could not look')),
    ).to.equal(true);
    expect(await undeployComponent(deps)(componentOf(undefined, O.some(recordOf(first))))()).to.satisfy(
      E.isRight,
    );
    deps.gateway.resetCalls();
    await scheduler.runDue(Number.MAX_SAFE_INTEGER);
    await deps.background.drain();
    expect(deps.gateway.counts().reads + deps.gateway.counts().writes).to.equal(0);
  });
});
