import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { MASKED_SECRET, type ConnectionSpec } from '../../src/domain/index.js';
import { airbyteNotFound, airbyteRejected, airbyteUnavailable } from '../../src/errors/index.js';
import {
  FakeAirbyteGateway,
  fakeFingerprinter,
  fixedClock,
  manualClock,
  sequentialIds,
} from '../../src/testing/index.js';

const file = { _tag: 'ConnectorType' as const, connectorType: 'file' };
const snowflake = { _tag: 'ConnectorType' as const, connectorType: 'snowflake' };

const pair = async (gateway: FakeAirbyteGateway) => {
  const source = await gateway.createActor('source', {
    name: 's',
    connector: file,
    configuration: { dataset_name: 'orders' },
  })();
  const destination = await gateway.createActor('destination', {
    name: 'd',
    connector: snowflake,
    configuration: { credentials: { password: 'p' }, schema: 'S' },
  })();
  if (E.isLeft(source) || E.isLeft(destination)) throw new Error('setup failed');
  return { source: source.right, destination: destination.right };
};

const connectionSpec = (sourceId: string, destinationId: string): ConnectionSpec => ({
  name: 'c',
  sourceId,
  destinationId,
  streams: [],
  schedule: { scheduleType: 'manual' },
  status: 'active',
});

describe('FakeAirbyteGateway', () => {
  it('masks secrets on read and adds the connector type, keeping the clear value inside', async () => {
    const gateway = new FakeAirbyteGateway();
    const { destination } = await pair(gateway);
    expect(destination.configuration).to.deep.equal({
      credentials: { password: MASKED_SECRET },
      schema: 'S',
      destinationType: 'snowflake',
    });
    expect(gateway.clearConfiguration(destination.id)).to.deep.equal({
      credentials: { password: 'p' },
      schema: 'S',
    });
  });

  it('masks the secret paths it is given per connector type', async () => {
    const gateway = new FakeAirbyteGateway({ secretPaths: { file: ['url'] } });
    const { source } = await pair(gateway);
    const read = await gateway.findActorById('source', source.id)();
    expect(E.isRight(read) && O.isSome(read.right) && read.right.value.configuration).to.deep.equal({
      dataset_name: 'orders',
      sourceType: 'file',
    });
    gateway.seedActor('source', { name: 'u', connector: file, configuration: { url: 'https://x' } });
    expect(gateway.listActors('source')[1]!.configuration['url']).to.equal(MASKED_SECRET);
  });

  it('keeps names non-unique and finds every match', async () => {
    const gateway = new FakeAirbyteGateway();
    await pair(gateway);
    await pair(gateway);
    const found = await gateway.findActorsByName('source', 's')();
    expect(E.isRight(found) && found.right.map((a) => a.id)).to.deep.equal(['source-1', 'source-3']);
  });

  it('deletes the connections of a deleted actor, and treats deleting the absent as success', async () => {
    const gateway = new FakeAirbyteGateway();
    const { source, destination } = await pair(gateway);
    await gateway.createConnection(connectionSpec(source.id, destination.id))();
    expect(await gateway.deleteActor('destination', destination.id)()).to.deep.equal(E.right(undefined));
    expect(gateway.listConnections()).to.deep.equal([]);
    expect(await gateway.deleteActor('destination', destination.id)()).to.deep.equal(E.right(undefined));
    expect(await gateway.deleteConnection('nope')()).to.deep.equal(E.right(undefined));
  });

  it('hides resources of other workspaces', async () => {
    const gateway = new FakeAirbyteGateway({ workspaceId: 'mine' });
    const theirs = gateway.seedActor('source', { name: 's', connector: file, configuration: {} }, 'theirs');
    expect(await gateway.findActorById('source', theirs.id)()).to.deep.equal(E.right(O.none));
    expect(await gateway.findActorsByName('source', 's')()).to.deep.equal(E.right([]));
  });

  it('discovers a File source as one stream named after dataset_name, or a catalog set for it', async () => {
    const gateway = new FakeAirbyteGateway();
    const { source, destination } = await pair(gateway);
    expect(await gateway.discoverStreams(source.id, destination.id)()).to.deep.equal(
      E.right([{ name: 'orders', syncModes: ['full_refresh_overwrite', 'full_refresh_append'] }]),
    );
    gateway.setCatalog(source.id, [{ name: 'x', syncModes: ['incremental_append'] }]);
    expect(await gateway.discoverStreams(source.id, destination.id)()).to.deep.equal(
      E.right([{ name: 'x', syncModes: ['incremental_append'] }]),
    );
    expect(await gateway.discoverStreams('missing', destination.id)()).to.deep.equal(
      E.left(airbyteRejected(422, 'source missing not found')),
    );
  });

  it('rejects a connection between actors that do not exist, and updates all but its ends', async () => {
    const gateway = new FakeAirbyteGateway();
    const { source, destination } = await pair(gateway);
    expect(await gateway.createConnection(connectionSpec('nope', destination.id))()).to.deep.equal(
      E.left(airbyteRejected(422, 'source nope not found')),
    );
    const created = await gateway.createConnection(connectionSpec(source.id, destination.id))();
    if (E.isLeft(created)) throw new Error('create failed');
    const updated = await gateway.updateConnection(created.right.id, {
      ...connectionSpec('other', 'other'),
      name: 'renamed',
      prefix: 'p_',
    })();
    expect(E.isRight(updated) && updated.right).to.deep.include({
      name: 'renamed',
      sourceId: source.id,
      destinationId: destination.id,
      prefix: 'p_',
    });
    expect(await gateway.updateConnection('nope', connectionSpec(source.id, destination.id))()).to.deep.equal(
      E.left(airbyteNotFound('connection nope not found')),
    );
  });

  it('answers the running job instead of starting a second sync', async () => {
    const gateway = new FakeAirbyteGateway();
    const { source, destination } = await pair(gateway);
    const c = await gateway.createConnection(connectionSpec(source.id, destination.id))();
    if (E.isLeft(c)) throw new Error('create failed');
    const first = await gateway.startSync(c.right.id)();
    expect(await gateway.startSync(c.right.id)()).to.deep.equal(first);
    gateway.finishJob(1, 'succeeded');
    expect(await gateway.getJob(1)()).to.deep.equal(
      E.right({ id: 1, connectionId: c.right.id, status: 'succeeded' }),
    );
    expect(await gateway.startSync(c.right.id)()).to.deep.equal(
      E.right({ id: 2, connectionId: c.right.id, status: 'running' }),
    );
    expect(await gateway.getJob(9)()).to.deep.equal(E.left(airbyteNotFound('job 9 not found')));
  });

  it('fails a method on demand, before or after it takes effect, and counts reads and writes', async () => {
    const gateway = new FakeAirbyteGateway();
    gateway.failNext('createActor', airbyteUnavailable('down'));
    expect(
      await gateway.createActor('source', { name: 's', connector: file, configuration: {} })(),
    ).to.deep.equal(E.left(airbyteUnavailable('down')));
    expect(gateway.listActors('source')).to.deep.equal([]);
    gateway.failNext('createActor', airbyteUnavailable('lost answer'), true);
    await gateway.createActor('source', { name: 's', connector: file, configuration: {} })();
    expect(gateway.listActors('source')).to.have.length(1);
    gateway.failNext('checkWorkspace', airbyteUnavailable('down'));
    expect(await gateway.checkWorkspace()()).to.deep.equal(E.left(airbyteUnavailable('down')));
    expect(gateway.counts()).to.deep.equal({ reads: 1, writes: 2, total: 3 });
    expect(gateway.calls[0]).to.deep.equal({ method: 'createActor', args: ['source', 's'] });
  });
});

describe('test helpers', () => {
  it('clocks: fixed stays, manual moves by hand', () => {
    expect(fixedClock(5).now()).to.equal(5);
    const clock = manualClock(10);
    clock.advance(5);
    expect(clock.now()).to.equal(15);
    clock.set(1);
    expect(clock.now()).to.equal(1);
  });

  it('ids are sequential with a prefix', () => {
    const ids = sequentialIds('t-');
    expect([ids.next(), ids.next()]).to.deep.equal(['t-1', 't-2']);
  });

  it('the fake fingerprinter is deterministic and tells values apart', () => {
    expect(fakeFingerprinter.fingerprint(['a=1'])).to.equal(fakeFingerprinter.fingerprint(['a=1']));
    expect(fakeFingerprinter.fingerprint(['a=1'])).not.to.equal(fakeFingerprinter.fingerprint(['a=2']));
    expect(fakeFingerprinter.fingerprint(['ab', 'c'])).not.to.equal(
      fakeFingerprinter.fingerprint(['a', 'bc']),
    );
  });
});
