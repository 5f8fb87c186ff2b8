import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import type { OperationResult } from '../../src/domain/index.js';
import { makeTestDeps, type TestDeps } from '../../src/testing/index.js';
import { DOUBT_WINDOW_MS, deployComponent, undeployComponent } from '../../src/use-cases/index.js';
import { baseDesired, componentOf, recordOf } from './component.js';

const deploy = async (deps: TestDeps): Promise<OperationResult> => {
  const result = await deployComponent(deps)(componentOf())();
  if (E.isLeft(result)) throw new Error(`deploy failed: ${JSON.stringify(result.left.error)}`);
  return result.right;
};

const messages = (result: OperationResult): ReadonlyArray<string> => result.logs.map((l) => l.message);

describe('creates whose answer was lost (rule 6, late copies)', () => {
  it('records the doubt, and the next deploy deletes the late copy and keeps ours', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    const first = await deploy(deps);
    expect(recordOf(first).doubtfulCreates).to.deep.equal([
      { kind: 'source', name: baseDesired.source.name, since: deps.clock.now() },
    ]);
    expect(first.logs.some((l) => l.level === 'WARNING' && l.message.includes('was lost'))).to.equal(true);
    const copy = lost.land();
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.deep.equal([
      recordOf(first).sourceId,
      copy,
    ]);

    deps.clock.advance(60_000);
    const second = await deploy(deps);
    expect(messages(second)).to.include(
      `Deleted source "${baseDesired.source.name}" (${copy}), a late copy of a create whose answer was lost`,
    );
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.deep.equal([recordOf(first).sourceId]);
    // still within the window: a copy that lands later yet is still looked for
    expect(recordOf(second).doubtfulCreates).to.have.length(1);
  });

  it('forgets the doubt after its window, and then looks nothing up by name', async () => {
    const deps = makeTestDeps();
    deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    await deploy(deps);
    deps.clock.advance(DOUBT_WINDOW_MS + 1);
    deps.gateway.resetCalls();
    const later = await deploy(deps);
    expect(recordOf(later).doubtfulCreates).to.equal(undefined);
    expect(deps.gateway.callsTo('findActorsByName')).to.equal(0);
    expect(deps.gateway.counts().writes).to.equal(0);
  });

  it('deletes a late copy of the connection, which joins our source and destination', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createConnection', deps.clock.now());
    const first = await deploy(deps);
    const copy = lost.land();
    const second = await deploy(deps);
    expect(messages(second)).to.include(
      `Deleted connection "${baseDesired.connection.name}" (${copy}), a late copy of a create whose answer was lost`,
    );
    expect(deps.gateway.listConnections().map((c) => c.id)).to.deep.equal([recordOf(first).connectionId]);
  });

  it('keeps a late copy that a connection of another component already uses', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    await deploy(deps);
    const copy = lost.land();
    const theirs = deps.gateway.seedConnection({
      name: 'their connection',
      sourceId: copy,
      destinationId: 'destination-2',
      streams: [],
      schedule: { scheduleType: 'manual' },
      status: 'active',
    });
    const second = await deploy(deps);
    expect(messages(second)).to.include(
      `Kept source "${baseDesired.source.name}" (${copy}), a late copy of a create whose answer was lost: connection(s) "their connection" (${theirs.id}) use it`,
    );
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.include(copy);
  });

  it('leaves no copy behind an unprovision', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    await deploy(deps);
    lost.land();
    const removed = await undeployComponent(deps)(componentOf())();
    expect(E.isRight(removed)).to.equal(true);
    expect([deps.gateway.listActors('source'), deps.gateway.listConnections()]).to.deep.equal([[], []]);
  });
});
