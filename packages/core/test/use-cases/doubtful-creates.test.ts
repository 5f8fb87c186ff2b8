import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { airbyteUnavailable } from '../../src/errors/index.js';
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

describe('creates whose answer was lost (retries never duplicate: late copies)', () => {
  it('records the doubt, and the next deploy deletes the late copy and keeps ours', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    const first = await deploy(deps);
    const created = deps.gateway.listActors('source')[0];
    expect(recordOf(first).doubtfulCreates).to.deep.equal([
      {
        kind: 'source',
        name: baseDesired.source.name,
        since: deps.clock.now(),
        id: recordOf(first).sourceId,
        definitionId: created?.definitionId,
      },
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

  it('looks once more after the window (a copy may have landed meanwhile), then forgets the doubt', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    const first = await deploy(deps);
    deps.clock.advance(60_000);
    const copy = lost.land();
    deps.clock.advance(DOUBT_WINDOW_MS);
    const later = await deploy(deps);
    expect(messages(later)).to.include(
      `Deleted source "${baseDesired.source.name}" (${copy}), a late copy of a create whose answer was lost`,
    );
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.deep.equal([recordOf(first).sourceId]);
    expect(recordOf(later).doubtfulCreates).to.equal(undefined);
    deps.gateway.resetCalls();
    await deploy(deps);
    expect(deps.gateway.callsTo('findActorsByName')).to.equal(0);
    expect(deps.gateway.counts().writes).to.equal(0);
  });

  it('leaves a same-named actor of another connector alone: it is not a copy of ours', async () => {
    const deps = makeTestDeps();
    deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    await deploy(deps);
    const stranger = deps.gateway.seedActor('source', {
      name: baseDesired.source.name,
      connector: { _tag: 'ConnectorType', connectorType: 's3' },
      configuration: { bucket: 'elsewhere' },
    });
    const second = await deploy(deps);
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.include(stranger.id);
    expect(messages(second).some((m) => m.includes(stranger.id))).to.equal(false);
  });

  it('goes on when the look-up fails, with a warning, and keeps the doubt for the next operation', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    await deploy(deps);
    const copy = lost.land();
    deps.gateway.failNext('findActorsByName', airbyteUnavailable('Airbyte is unavailable (503)'));
    const second = await deploy(deps);
    const warning = second.logs.find((l) => l.level === 'WARNING' && l.message.startsWith('Could not look'));
    expect(warning?.message).to.include(`source "${baseDesired.source.name}"`);
    expect(warning?.message).to.include('the next provision or unprovision of this component looks again');
    expect(recordOf(second).doubtfulCreates).to.have.length(1);
    const third = await deploy(deps);
    expect(messages(third)).to.include(
      `Deleted source "${baseDesired.source.name}" (${copy}), a late copy of a create whose answer was lost`,
    );
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

  it('does not call the source it keeps for another component a late copy on unprovision', async () => {
    const deps = makeTestDeps();
    deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    const first = await deploy(deps);
    deps.gateway.seedConnection({
      name: 'their connection',
      sourceId: recordOf(first).sourceId ?? '',
      destinationId: 'destination-9',
      streams: [],
      schedule: { scheduleType: 'manual' },
      status: 'active',
    });
    const removed = await undeployComponent(deps)(componentOf())();
    const logs = E.isRight(removed) ? removed.right.logs.map((l) => l.message) : [];
    expect(logs.some((m) => m.startsWith(`Kept source "${baseDesired.source.name}"`))).to.equal(true);
    expect(logs.some((m) => m.includes('late copy'))).to.equal(false);
  });

  it('needs no record for a copy that lands after an unprovision: the next one finds it by name', async () => {
    const deps = makeTestDeps();
    const lost = deps.gateway.loseNextCreateAnswer('createActor', deps.clock.now());
    await deploy(deps);
    expect(E.isRight(await undeployComponent(deps)(componentOf())())).to.equal(true);
    lost.land();
    expect(deps.gateway.listActors('source')).to.have.length(1);
    expect(E.isRight(await undeployComponent(deps)(componentOf())())).to.equal(true);
    expect(deps.gateway.listActors('source')).to.deep.equal([]);
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
