import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { OperationFailure, OperationResult } from '../../src/domain/index.js';
import { airbyteUnavailable } from '../../src/errors/index.js';
import { fakeFingerprinter, makeTestDeps, type TestDeps } from '../../src/testing/index.js';
import { deployComponent, lockedDeploy, lockedUndeploy } from '../../src/use-cases/index.js';
import { baseDesired, componentOf, recordOf } from './component.js';

const T0 = '2026-01-01T00:00:00.000Z';
const destinationFp = fakeFingerprinter.fingerprint(['credentials.password="s3cret"']);

const deploy = async (
  deps: TestDeps,
  component = componentOf(),
): Promise<E.Either<OperationFailure, OperationResult>> => deployComponent(deps)(component)();

const right = async (deps: TestDeps, component = componentOf()): Promise<OperationResult> => {
  const result = await deploy(deps, component);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

const left = async (deps: TestDeps, component = componentOf()): Promise<OperationFailure> => {
  const result = await deploy(deps, component);
  if (E.isRight(result)) throw new Error('expected a failure');
  return result.left;
};

const messages = (r: { readonly logs: ReadonlyArray<{ readonly message: string }> }) =>
  r.logs.map((l) => l.message);

describe('deployComponent', () => {
  it('creates source, destination and connection on a first deploy, in 7 calls, lookups and creates in parallel', async () => {
    const deps = makeTestDeps({ airbyteUiUrl: 'https://airbyte.example.com/' });
    expect(await deploy(deps)).to.deep.equal(
      E.right({
        message:
          'Deployed Airbyte connection "orders-file → snowflake" (connection-3) from source "orders-file" to destination "orders-snowflake"',
        info: {
          publicInfo: {
            airbyteConnection: {
              type: 'link',
              label: 'Airbyte connection',
              value: 'orders-file → snowflake',
              href: 'https://airbyte.example.com/workspaces/workspace-1/connections/connection-3',
            },
            connectionName: { type: 'string', label: 'Connection', value: 'orders-file → snowflake' },
            sourceName: { type: 'string', label: 'Source', value: 'orders-file' },
            destinationName: { type: 'string', label: 'Destination', value: 'orders-snowflake' },
            destinationDatabase: { type: 'string', label: 'Destination database', value: 'SALES' },
            destinationSchema: { type: 'string', label: 'Destination schema', value: 'ORDERS' },
            streams: { type: 'string', label: 'Streams', value: 'orders' },
            schedule: { type: 'string', label: 'Schedule', value: 'manual' },
          },
          privateInfo: {
            airbyte: {
              workspaceId: 'workspace-1',
              sourceId: 'source-1',
              destinationId: 'destination-2',
              connectionId: 'connection-3',
              destinationFingerprint: destinationFp,
            },
          },
        },
        logs: [
          {
            timestamp: T0,
            level: 'INFO',
            message: 'Created source "orders-file" (source-1)',
            phase: 'source',
          },
          {
            timestamp: T0,
            level: 'INFO',
            message: 'Created destination "orders-snowflake" (destination-2)',
            phase: 'destination',
          },
          { timestamp: T0, level: 'INFO', message: 'Discovered 1 stream(s): orders', phase: 'connection' },
          {
            timestamp: T0,
            level: 'INFO',
            message: 'Created connection "orders-file → snowflake" (connection-3) with streams orders',
            phase: 'connection',
          },
        ],
      }),
    );
    expect(deps.gateway.counts()).to.deep.equal({ reads: 4, writes: 3, total: 7 });
    expect(deps.gateway.maxInFlight()).to.equal(3);
    expect(deps.gateway.listConnections()[0]!.streams).to.deep.equal([
      { name: 'orders', syncMode: 'full_refresh_overwrite' },
    ]);
  });

  it('makes no write, and at most 3 reads, when redeployed unchanged with the previous record', async () => {
    const first = await right(makeTestDeps());
    const deps = makeTestDeps();
    // a second instance with the same Airbyte state, as the platform sends the record back
    await right(deps);
    deps.gateway.resetCalls();
    const again = await right(
      { ...deps, deploymentRecords: makeTestDeps().deploymentRecords },
      componentOf(baseDesired, O.some(recordOf(first))),
    );
    expect(deps.gateway.counts()).to.deep.equal({ reads: 3, writes: 0, total: 3 });
    expect(deps.gateway.callsTo('findActorById')).to.equal(2);
    expect(again.message).to.equal(
      'Airbyte connection "orders-file → snowflake" (connection-3) is up to date; nothing changed',
    );
    expect(messages(again)).to.deep.equal([
      'Source "orders-file" (source-1) unchanged',
      'Destination "orders-snowflake" (destination-2) unchanged',
      'Connection "orders-file → snowflake" (connection-3) unchanged',
    ]);
    expect(recordOf(again)).to.deep.equal(recordOf(first));
  });

  it('finds its own record when the request carries none', async () => {
    const deps = makeTestDeps();
    await right(deps);
    deps.gateway.resetCalls();
    await right(deps);
    expect(deps.gateway.counts().writes).to.equal(0);
  });

  it("tries each recorded id (ours, then the platform's) before the name", async () => {
    const deps = makeTestDeps();
    const first = await right(deps);
    const stale = {
      workspaceId: 'workspace-1',
      sourceId: 'gone-1',
      destinationId: 'gone-2',
      connectionId: 'gone-3',
    };
    await deps.deploymentRecords.put(componentOf().componentId, stale)();
    deps.gateway.resetCalls();
    await right(deps, componentOf(baseDesired, O.some(recordOf(first))));
    expect(deps.gateway.calls.slice(0, 3).map((c) => c.args.at(-1))).to.deep.equal([
      'gone-1',
      'gone-2',
      'gone-3',
    ]);
    expect(deps.gateway.callsTo('findActorsByName')).to.equal(0);
    expect(deps.gateway.counts()).to.deep.include({ reads: 6, writes: 0 });
  });

  it('without any record, finds resources by name and re-sends secrets it cannot compare, saying why', async () => {
    const deps = makeTestDeps();
    await right(deps);
    await deps.deploymentRecords.remove(componentOf().componentId)();
    deps.gateway.resetCalls();
    const again = await right(deps);
    expect(deps.gateway.callsTo('findActorsByName')).to.equal(2);
    expect(deps.gateway.callsTo('updateActor')).to.equal(1);
    expect(deps.gateway.listActors('source')).to.have.length(1);
    expect(deps.gateway.listActors('destination')).to.have.length(1);
    expect(messages(again)).to.include(
      'Updated destination "orders-snowflake" (destination-2) in place; changed: configuration.credentials.password (secrets re-sent: no fingerprint of the previous ones was recorded)',
    );
    expect(recordOf(again).destinationFingerprint).to.equal(destinationFp);
  });

  it('updates a changed configuration in place and rediscovers streams', async () => {
    const deps = makeTestDeps();
    await right(deps);
    deps.gateway.resetCalls();
    const changed = {
      ...baseDesired,
      source: {
        ...baseDesired.source,
        configuration: { ...baseDesired.source.configuration, dataset_name: 'orders_v2' },
      },
    };
    const result = await right(deps, componentOf(changed));
    // logs follow completion order: the unchanged destination is done at once
    expect(messages(result)).to.deep.equal([
      'Destination "orders-snowflake" (destination-2) unchanged',
      'Updated source "orders-file" (source-1) in place; changed: configuration.dataset_name',
      'Discovered 1 stream(s): orders_v2',
      'Updated connection "orders-file → snowflake" (connection-3) in place; changed: streams',
    ]);
    expect(deps.gateway.listConnections()[0]!.streams.map((s) => s.name)).to.deep.equal(['orders_v2']);
  });

  it('updates a changed secret, and never shows its value', async () => {
    const deps = makeTestDeps();
    await right(deps);
    const changed = {
      ...baseDesired,
      destination: {
        ...baseDesired.destination,
        configuration: { ...baseDesired.destination.configuration, credentials: { password: 'n3w-s3cret' } },
      },
    };
    const result = await right(deps, componentOf(changed));
    expect(messages(result)[1]).to.equal(
      'Updated destination "orders-snowflake" (destination-2) in place; changed: configuration.credentials.password',
    );
    expect(deps.gateway.clearConfiguration('destination-2')).to.deep.include({
      credentials: { password: 'n3w-s3cret' },
    });
    expect(JSON.stringify(result)).not.to.contain('s3cret');
    expect(deps.logger.lines.map((l) => l.message)).to.include(result.message);
    expect(JSON.stringify(deps.logger.lines)).not.to.contain('s3cret');
  });

  it('renames a resource found by its recorded id, keeping its id', async () => {
    const deps = makeTestDeps();
    await right(deps);
    const renamed = { ...baseDesired, source: { ...baseDesired.source, name: 'orders-file-renamed' } };
    const result = await right(deps, componentOf(renamed));
    expect(deps.gateway.listActors('source').map((a) => [a.id, a.name])).to.deep.equal([
      ['source-1', 'orders-file-renamed'],
    ]);
    expect(messages(result)).to.include(
      'Updated source "orders-file-renamed" (source-1) in place; changed: name',
    );
  });

  it('refuses to choose between two sources with the same name, and writes nothing', async () => {
    const deps = makeTestDeps();
    const spec = { name: 'orders-file', connector: baseDesired.source.connector, configuration: {} };
    deps.gateway.seedActor('source', spec);
    deps.gateway.seedActor('source', spec);
    const failure = await left(deps);
    expect(failure.error).to.deep.equal({
      _tag: 'StateConflict',
      step: 'find source "orders-file"',
      message:
        '2 sources are named "orders-file" in the workspace (ids: source-1, source-2); rename or delete all but one, or send the previous deployment\'s info',
      ids: ['source-1', 'source-2'],
    });
    expect(deps.gateway.counts().writes).to.equal(0);
    expect(failure.info).to.equal(undefined);
  });

  it("refuses to rewrite a source another component's connection uses", async () => {
    const deps = makeTestDeps();
    const source = deps.gateway.seedActor('source', {
      name: 'orders-file',
      connector: baseDesired.source.connector,
      configuration: { url: 'old' },
    });
    const theirs = deps.gateway.seedActor('destination', {
      name: 'theirs',
      connector: baseDesired.destination.connector,
      configuration: {},
    });
    const foreign = deps.gateway.seedConnection({
      name: 'their connection',
      sourceId: source.id,
      destinationId: theirs.id,
      streams: [],
      schedule: { scheduleType: 'manual' },
      status: 'active',
    });
    const failure = await left(deps);
    expect(failure.error).to.deep.equal({
      _tag: 'StateConflict',
      step: 'update source "orders-file"',
      message: `cannot update source "orders-file" (${source.id}): it is used by connection(s) "their connection" (${foreign.id}) of another component; give this component's source its own name`,
      ids: [source.id, foreign.id],
    });
    expect(deps.gateway.counts().writes).to.equal(0);
    expect(deps.gateway.clearConfiguration(source.id)).to.deep.equal({ url: 'old' });
  });

  it('records what it created when it fails half-way, and a retry converges without duplicates', async () => {
    const deps = makeTestDeps();
    deps.gateway.failNext('createConnection', airbyteUnavailable('connection reset'));
    const failure = await left(deps);
    expect(failure.error).to.deep.equal({
      _tag: 'AirbyteFailure',
      step: 'create connection "orders-file → snowflake"',
      error: airbyteUnavailable('connection reset'),
    });
    expect(failure.info?.privateInfo).to.deep.equal({
      airbyte: {
        workspaceId: 'workspace-1',
        sourceId: 'source-1',
        destinationId: 'destination-2',
        destinationFingerprint: destinationFp,
      },
    });
    expect(messages(failure).at(-1)).to.equal(
      'Airbyte failed at "create connection "orders-file → snowflake"": connection reset',
    );
    deps.gateway.resetCalls();
    const retry = await right(deps);
    expect(deps.gateway.counts().writes).to.equal(1);
    expect(deps.gateway.listActors('source')).to.have.length(1);
    expect(deps.gateway.listActors('destination')).to.have.length(1);
    expect(deps.gateway.listConnections()).to.have.length(1);
    expect(recordOf(retry).connectionId).to.equal(deps.gateway.listConnections()[0]!.id);
  });

  it('keeps the old record when Airbyte fails before anything is found', async () => {
    const deps = makeTestDeps();
    const first = await right(deps);
    deps.gateway.failNext('findActorById', airbyteUnavailable('down'));
    const failure = await left(deps);
    expect(failure.error._tag).to.equal('AirbyteFailure');
    expect(await deps.deploymentRecords.get(componentOf().componentId)()).to.deep.equal(
      E.right(O.some(recordOf(first))),
    );
  });

  it('replaces a source whose connector changed: new source, new connection, then the old source is deleted', async () => {
    const deps = makeTestDeps();
    await right(deps);
    const s3 = {
      ...baseDesired,
      source: { ...baseDesired.source, connector: { _tag: 'ConnectorType' as const, connectorType: 's3' } },
    };
    const result = await right(deps, componentOf(s3));
    expect(messages(result)).to.deep.equal([
      'Destination "orders-snowflake" (destination-2) unchanged',
      'Replaced source source-1 with a new source "orders-file" (source-4) because the connector changed from type "file" (definition 778daa7c-feaf-4db6-96f3-70fd645acc77) to type "s3", which Airbyte cannot change in place',
      'Discovered 1 stream(s): records',
      'Replaced connection connection-3 with a new connection "orders-file → snowflake" (connection-5) because it must use another source source-1 → source-4, which Airbyte cannot change on a connection',
      'Deleted the replaced connection connection-3',
      'Deleted the replaced source source-1',
    ]);
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.deep.equal(['source-4']);
    expect(deps.gateway.listConnections().map((c) => c.id)).to.deep.equal(['connection-5']);
    expect(recordOf(result).pendingDeletions).to.equal(undefined);
  });

  it('finishes an interrupted replacement on the next deploy: nothing is left orphaned', async () => {
    const deps = makeTestDeps();
    await right(deps);
    const s3 = {
      ...baseDesired,
      source: { ...baseDesired.source, connector: { _tag: 'ConnectorType' as const, connectorType: 's3' } },
    };
    deps.gateway.failNext('deleteActor', airbyteUnavailable('timeout'));
    const failure = await left(deps, componentOf(s3));
    expect(failure.info?.privateInfo['airbyte']).to.deep.include({
      sourceId: 'source-4',
      connectionId: 'connection-5',
      pendingDeletions: [{ kind: 'source', id: 'source-1' }],
    });
    const retry = await right(deps, componentOf(s3));
    expect(messages(retry)).to.include('Deleted the replaced source source-1');
    expect(deps.gateway.listActors('source').map((a) => a.id)).to.deep.equal(['source-4']);
    expect(recordOf(retry).pendingDeletions).to.equal(undefined);
  });

  it('starts a sync when asked and reports its job', async () => {
    const deps = makeTestDeps();
    const syncing = {
      ...baseDesired,
      connection: { ...baseDesired.connection, syncOnProvision: 'always' as const },
    };
    const result = await right(deps, componentOf(syncing));
    expect(recordOf(result).lastJobId).to.equal(1);
    expect(result.info.publicInfo['lastSyncJob']).to.deep.equal({
      type: 'string',
      label: 'Sync job',
      value: 'job 1 (running)',
    });
    expect(messages(result).at(-1)).to.equal('Started sync job 1 (status running)');
  });

  it('rejects a selected stream the source does not offer, after recording the actors', async () => {
    const deps = makeTestDeps();
    const selected = {
      ...baseDesired,
      connection: {
        ...baseDesired.connection,
        streams: { _tag: 'Selected' as const, streams: [{ name: 'refunds' }] },
      },
    };
    const failure = await left(deps, componentOf(selected));
    expect(failure.error).to.deep.equal({
      _tag: 'InvalidRequest',
      problems: [
        {
          path: 'specific.connection.streams[0].name',
          message: 'the source offers no stream named "refunds" (it offers: orders)',
        },
      ],
    });
    expect(deps.gateway.listConnections()).to.have.length(0);
    expect(failure.info?.privateInfo['airbyte']).to.deep.include({ sourceId: 'source-1' });
  });

  it('reports validation warnings as WARNING log entries', async () => {
    const deps = makeTestDeps();
    const result = await right(deps, componentOf(baseDesired, O.none, ['dbtGitUrl is ignored']));
    expect(result.logs[0]).to.deep.equal({
      timestamp: T0,
      level: 'WARNING',
      message: 'dbtGitUrl is ignored',
      phase: 'validate',
    });
  });
});

describe('lockedDeploy and lockedUndeploy', () => {
  it('never interleave two operations on the same component', async () => {
    const deps = makeTestDeps();
    const [deployed, removed] = await Promise.all([
      lockedDeploy(deps)(componentOf())(),
      lockedUndeploy(deps)(componentOf())(),
    ]);
    expect(E.isRight(deployed) && E.isRight(removed)).to.equal(true);
    // the undeploy started after the deploy's last call: it found and removed everything
    const methods = deps.gateway.calls.map((c) => c.method);
    expect(methods.indexOf('createConnection')).to.be.lessThan(methods.indexOf('deleteConnection'));
    expect(methods.slice(0, 7).every((m) => !m.startsWith('delete'))).to.equal(true);
    expect(deps.gateway.listConnections()).to.deep.equal([]);
  });

  it('run operations on different components side by side', async () => {
    const deps = makeTestDeps();
    const renamed = {
      source: { ...baseDesired.source, name: 'other-file' },
      destination: { ...baseDesired.destination, name: 'other-snowflake' },
      connection: { ...baseDesired.connection, name: 'other-connection' },
    };
    const other = { ...componentOf(renamed), componentId: 'urn:other' };
    await Promise.all([lockedDeploy(deps)(componentOf())(), lockedDeploy(deps)(other)()]);
    expect(deps.gateway.maxInFlight()).to.equal(6);
  });
});
