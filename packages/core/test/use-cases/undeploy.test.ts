import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { airbyteUnavailable } from '../../src/errors/index.js';
import { makeTestDeps } from '../../src/testing/index.js';
import { deployComponent, undeployComponent } from '../../src/use-cases/index.js';
import { baseDesired, componentOf, recordOf } from './component.js';

const T0 = '2026-01-01T00:00:00.000Z';

describe('undeployComponent', () => {
  it('succeeds when nothing exists, saying so', async () => {
    const deps = makeTestDeps();
    expect(await undeployComponent(deps)(componentOf())()).to.deep.equal(
      E.right({
        message: 'Removed Airbyte connection "orders-file → snowflake" and its resources',
        info: { publicInfo: {}, privateInfo: {} },
        logs: [
          {
            timestamp: T0,
            level: 'INFO',
            message: 'No connection "orders-file → snowflake" found: nothing to delete',
            phase: 'connection',
          },
          {
            timestamp: T0,
            level: 'INFO',
            message: 'No source "orders-file" found: nothing to delete',
            phase: 'source',
          },
          {
            timestamp: T0,
            level: 'INFO',
            message: 'No destination "orders-snowflake" found: nothing to delete',
            phase: 'destination',
          },
        ],
      }),
    );
    expect(deps.gateway.counts().writes).to.equal(0);
  });

  it('deletes the connection, then the source and destination, found by recorded ids, and forgets the record', async () => {
    const deps = makeTestDeps();
    const deployed = await deployComponent(deps)(componentOf())();
    if (E.isLeft(deployed)) throw new Error('deploy failed');
    // renamed in Airbyte since: the recorded ids still find them
    const records = makeTestDeps().deploymentRecords;
    const renamed = { ...baseDesired, source: { ...baseDesired.source, name: 'another-name' } };
    deps.gateway.resetCalls();
    const result = await undeployComponent({ ...deps, deploymentRecords: records })(
      componentOf(renamed, O.some(recordOf(deployed.right))),
    )();
    expect(E.isRight(result) && result.right.logs.map((l) => l.message)).to.deep.equal([
      'Deleted connection "orders-file → snowflake" (connection-3)',
      'Deleted source "orders-file" (source-1)',
      'Deleted destination "orders-snowflake" (destination-2)',
    ]);
    expect(deps.gateway.callsTo('findActorsByName')).to.equal(0);
    expect(deps.gateway.listActors('source')).to.deep.equal([]);
    expect(deps.gateway.listConnections()).to.deep.equal([]);
    const own = await undeployComponent(deps)(componentOf())();
    expect(E.isRight(own)).to.equal(true);
    expect(await deps.deploymentRecords.get(componentOf().componentId)()).to.deep.equal(E.right(O.none));
  });

  it("keeps a destination another component's connection still uses", async () => {
    const deps = makeTestDeps();
    await deployComponent(deps)(componentOf())();
    const theirSource = deps.gateway.seedActor('source', {
      name: 'theirs',
      connector: baseDesired.source.connector,
      configuration: {},
    });
    const theirs = deps.gateway.seedConnection({
      name: 'their connection',
      sourceId: theirSource.id,
      destinationId: 'destination-2',
      streams: [],
      schedule: { scheduleType: 'manual' },
      status: 'active',
    });
    const result = await undeployComponent(deps)(componentOf())();
    expect(E.isRight(result) && result.right.message).to.equal(
      'Removed Airbyte connection "orders-file → snowflake" and its resources, except the destination other components still use',
    );
    expect(E.isRight(result) && result.right.logs).to.deep.include({
      timestamp: T0,
      level: 'WARNING',
      message: `Kept destination "orders-snowflake" (destination-2): connection(s) "their connection" (${theirs.id}) of another component use it`,
      phase: 'destination',
    });
    expect(deps.gateway.listActors('destination').map((a) => a.id)).to.include('destination-2');
    expect(deps.gateway.listConnections().map((c) => c.id)).to.deep.equal([theirs.id]);
  });

  it('also removes what an interrupted replacement left, and keeps nothing for its old connection', async () => {
    const deps = makeTestDeps();
    await deployComponent(deps)(componentOf())();
    const s3 = {
      ...baseDesired,
      source: { ...baseDesired.source, connector: { _tag: 'ConnectorType' as const, connectorType: 's3' } },
    };
    // the replacement stops before the old connection (which uses our destination) and source are gone
    deps.gateway.failNext('deleteConnection', airbyteUnavailable('timeout'));
    const replaced = await deployComponent(deps)(componentOf(s3))();
    expect(E.isLeft(replaced) && replaced.left.info?.privateInfo['airbyte']).to.deep.include({
      pendingDeletions: [
        { kind: 'source', id: 'source-1' },
        { kind: 'connection', id: 'connection-3' },
      ],
    });
    const result = await undeployComponent(deps)(componentOf(s3))();
    expect(E.isRight(result) && result.right.message).to.equal(
      'Removed Airbyte connection "orders-file → snowflake" and its resources',
    );
    expect(E.isRight(result) && result.right.logs.map((l) => l.message)).to.include.members([
      'Deleted connection "orders-file → snowflake" (connection-5)',
      'Deleted destination "orders-snowflake" (destination-2)',
      'Deleted the replaced source source-1',
    ]);
    expect([
      deps.gateway.listActors('source'),
      deps.gateway.listActors('destination'),
      deps.gateway.listConnections(),
    ]).to.deep.equal([[], [], []]);
    expect(await deps.deploymentRecords.get(componentOf().componentId)()).to.deep.equal(E.right(O.none));
  });

  it('fails with the step when Airbyte fails, keeping the record for a retry', async () => {
    const deps = makeTestDeps();
    await deployComponent(deps)(componentOf())();
    deps.gateway.failNext('deleteConnection', airbyteUnavailable('timeout'));
    const result = await undeployComponent(deps)(componentOf())();
    expect(E.isLeft(result) && result.left.error).to.deep.equal({
      _tag: 'AirbyteFailure',
      step: 'delete connection "orders-file → snowflake"',
      error: airbyteUnavailable('timeout'),
    });
    expect(
      O.isSome(E.getOrElseW(() => O.none)(await deps.deploymentRecords.get(componentOf().componentId)())),
    ).to.equal(true);
    const retry = await undeployComponent(deps)(componentOf())();
    expect(E.isRight(retry)).to.equal(true);
    expect(deps.gateway.listActors('source')).to.deep.equal([]);
  });
});
