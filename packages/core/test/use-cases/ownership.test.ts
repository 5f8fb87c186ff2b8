import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { ValidatedComponent } from '../../src/descriptor/index.js';
import { makeTestDeps } from '../../src/testing/index.js';
import { deployComponent, undeployComponent } from '../../src/use-cases/index.js';
import { importConnection } from '../../src/use-cases/import-connection.js';
import { componentOf, recordOf } from './component.js';

// two components of different data products that declare the same Airbyte names
const componentA = componentOf();
const componentB: ValidatedComponent = {
  ...componentOf(),
  componentId: 'urn:dmb:cmp:finance:orders:0:airbyte',
};

describe('resource ownership', () => {
  it("fails another component's deploy that names an owned resource, naming the owner and the name, and writes nothing", async () => {
    const deps = makeTestDeps();
    const deployedA = await deployComponent(deps)(componentA)();
    expect(E.isRight(deployedA)).to.equal(true);
    deps.gateway.resetCalls();

    const deployedB = await deployComponent(deps)(componentB)();

    expect(E.isLeft(deployedB) && deployedB.left.error).to.deep.equal({
      _tag: 'StateConflict',
      step: 'claim source "orders-file"',
      message: `source "orders-file" (source-1) belongs to component ${componentA.componentId}, not to ${componentB.componentId}; give this component's source its own name`,
      ids: ['source-1'],
    });
    expect(deps.gateway.counts().writes).to.equal(0);
    expect(
      O.isNone(
        await deps.deploymentRecords
          .get(componentB.componentId)()
          .then(E.getOrElseW(() => O.none)),
      ),
    ).to.equal(true);
  });

  it('refuses the ids of another component sent back in latestEnrichedDescriptor too', async () => {
    const deps = makeTestDeps();
    const deployedA = await deployComponent(deps)(componentA)();
    if (E.isLeft(deployedA)) throw new Error('deploy failed');
    const renamed = {
      ...componentA.desired,
      source: { ...componentA.desired.source, name: 'b-source' },
      destination: { ...componentA.desired.destination, name: 'b-destination' },
      connection: { ...componentA.desired.connection, name: 'b-connection' },
    };
    const copied = {
      ...componentOf(renamed, O.some(recordOf(deployedA.right))),
      componentId: componentB.componentId,
    };

    const deployedB = await deployComponent(deps)(copied)();

    expect(E.isLeft(deployedB) && deployedB.left.error._tag).to.equal('StateConflict');
    expect(deps.gateway.listActors('source').map((a) => a.name)).to.deep.equal(['orders-file']);
  });

  it("leaves another component's resources alone on unprovision, saying whose they are", async () => {
    const deps = makeTestDeps();
    await deployComponent(deps)(componentA)();
    deps.gateway.resetCalls();

    const removedB = await undeployComponent(deps)(componentB)();

    expect(E.isRight(removedB)).to.equal(true);
    expect(deps.gateway.counts().writes).to.equal(0);
    expect(
      E.isRight(removedB) && removedB.right.logs.filter((l) => l.level === 'WARNING').map((l) => l.message),
    ).to.deep.equal([
      `Left source "orders-file" (source-1) alone: it belongs to component ${componentA.componentId}`,
      `Left destination "orders-snowflake" (destination-2) alone: it belongs to component ${componentA.componentId}`,
      `Left connection "orders-file → snowflake" (connection-3) alone: it belongs to component ${componentA.componentId}`,
    ]);
    expect(deps.gateway.listActors('source')).to.have.length(1);
  });

  it('releases what an unprovision deleted: the names are free for another component afterwards', async () => {
    const deps = makeTestDeps();
    await deployComponent(deps)(componentA)();
    await undeployComponent(deps)(componentA)();
    expect(await deps.ownership.ownersOf(['source-1', 'destination-2', 'connection-3'])()).to.deep.equal(
      E.right([]),
    );

    const deployedB = await deployComponent(deps)(componentB)();

    expect(E.isRight(deployedB)).to.equal(true);
  });

  it('claims what the deploy created for its component, and a redeploy of the same component passes', async () => {
    const deps = makeTestDeps();
    await deployComponent(deps)(componentA)();
    expect(await deps.ownership.ownersOf(['source-1'])()).to.deep.equal(
      E.right([
        {
          componentId: componentA.componentId,
          resource: { kind: 'source', id: 'source-1', name: 'orders-file' },
        },
      ]),
    );
    expect(E.isRight(await deployComponent(deps)(componentA)())).to.equal(true);
  });

  it('refuses to import (reverse provisioning) a connection whose resources a component owns, naming it', async () => {
    const deps = makeTestDeps();
    await deployComponent(deps)(componentA)();
    deps.gateway.resetCalls();

    const refused = await importConnection(deps)({ _tag: 'ById', id: 'connection-3' })();

    expect(refused).to.deep.equal(
      E.left({
        _tag: 'StateConflict',
        step: 'read the connection',
        message: `connection "orders-file → snowflake" (connection-3) belongs to component ${componentA.componentId}: change that component's descriptor, or unprovision it before importing`,
        ids: ['connection-3'],
      }),
    );
    expect(deps.gateway.counts().writes).to.equal(0);

    // once no component owns them, the same connection imports
    await deps.ownership.release(componentA.componentId, ['source-1', 'destination-2', 'connection-3'])();
    const imported = await importConnection(deps)({ _tag: 'ById', id: 'connection-3' })();
    expect(E.isRight(imported) && imported.right.connection.id).to.equal('connection-3');
  });
});
