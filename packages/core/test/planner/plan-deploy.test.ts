import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { NOT_YET_CREATED, planDeploy, type DeployPlan } from '../../src/planner/index.js';
import {
  connection,
  desired,
  destinationActor,
  knownFingerprints,
  located,
  nothingLocated,
  sourceActor,
} from './fixtures.js';

const planOf = (...args: Parameters<typeof planDeploy>): DeployPlan => {
  const result = planDeploy(...args);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

describe('planDeploy', () => {
  it('creates all three resources on a first deploy, and asks for stream discovery', () => {
    const plan = planOf(desired, nothingLocated, knownFingerprints);
    expect(plan.source).to.deep.equal({
      _tag: 'Create',
      kind: 'source',
      spec: {
        name: 'orders-file',
        connector: desired.source.connector,
        configuration: desired.source.configuration,
      },
    });
    expect(plan.destination._tag).to.equal('Create');
    expect(plan.connection).to.deep.include({ _tag: 'Create' });
    expect(plan.connection._tag === 'Create' && plan.connection.spec.sourceId).to.equal(NOT_YET_CREATED);
    expect(plan.discover).to.equal(true);
  });

  it('plans only noops, and no discovery, when nothing changed (masked secrets and sourceType ignored)', () => {
    expect(planOf(desired, located, knownFingerprints)).to.deep.equal({
      source: { _tag: 'Noop', kind: 'source', id: 'src-1', name: 'orders-file' },
      destination: { _tag: 'Noop', kind: 'destination', id: 'dst-1', name: 'orders-snowflake' },
      connection: { _tag: 'Noop', id: 'con-1', name: 'orders-file → snowflake' },
      discover: false,
    });
  });

  it('updates in place a changed configuration, naming the field, and rediscovers streams', () => {
    const changed = {
      ...desired,
      source: {
        ...desired.source,
        configuration: { ...desired.source.configuration, url: 'https://x/y.csv' },
      },
    };
    const plan = planOf(changed, located, knownFingerprints);
    expect(plan.source).to.deep.include({
      _tag: 'Update',
      id: 'src-1',
      changedFields: ['configuration.url'],
    });
    expect(plan.discover).to.equal(true);
  });

  it('updates a key Airbyte holds that the descriptor no longer sets', () => {
    const actual = {
      ...located,
      source: O.some({
        ...sourceActor,
        configuration: { ...sourceActor.configuration, reader_options: '{}' },
      }),
    };
    expect(planOf(desired, actual, knownFingerprints).source).to.deep.include({
      _tag: 'Update',
      changedFields: ['configuration.reader_options'],
    });
  });

  it('updates a changed secret by fingerprint, naming the field without its value', () => {
    const plan = planOf(desired, located, {
      ...knownFingerprints,
      destination: { desired: 'fp-2', stored: O.some('fp-1') },
    });
    expect(plan.destination).to.deep.equal({
      _tag: 'Update',
      kind: 'destination',
      id: 'dst-1',
      spec: {
        name: 'orders-snowflake',
        connector: desired.destination.connector,
        configuration: desired.destination.configuration,
      },
      changedFields: ['configuration.credentials.password'],
      secretsUnknown: false,
    });
    expect(
      JSON.stringify(plan.destination._tag === 'Update' && plan.destination.changedFields),
    ).not.to.contain('s3cret');
  });

  it('re-sends secrets whose previous fingerprint is unknown, and says so', () => {
    const plan = planOf(desired, located, {
      ...knownFingerprints,
      destination: { desired: 'fp-1', stored: O.none },
    });
    expect(plan.destination).to.deep.include({
      _tag: 'Update',
      changedFields: ['configuration.credentials.password'],
      secretsUnknown: true,
    });
  });

  it('updates a renamed resource found by its stored id, keeping its id', () => {
    const renamed = { ...desired, source: { ...desired.source, name: 'orders-file-v2' } };
    const plan = planOf(renamed, located, knownFingerprints);
    expect(plan.source).to.deep.include({ _tag: 'Update', id: 'src-1', changedFields: ['name'] });
    expect(plan.connection._tag).to.equal('Noop');
    expect(plan.discover).to.equal(false);
  });

  it('replaces an actor whose connector type changed, with the reason, and the connection with it', () => {
    const s3 = {
      ...desired,
      source: { ...desired.source, connector: { _tag: 'ConnectorType' as const, connectorType: 's3' } },
    };
    const plan = planOf(s3, located, knownFingerprints);
    expect(plan.source).to.deep.include({ _tag: 'Replace', oldId: 'src-1' });
    expect(plan.source._tag === 'Replace' && plan.source.reason).to.match(/from type "file".*to type "s3"/);
    expect(plan.connection).to.deep.include({ _tag: 'Replace', oldId: 'con-1' });
    expect(plan.discover).to.equal(true);
  });

  it('replaces an actor whose definition id changed', () => {
    const byDefinition = {
      ...desired,
      destination: {
        ...desired.destination,
        connector: { _tag: 'DefinitionId' as const, definitionId: 'def-other' },
      },
    };
    expect(planOf(byDefinition, located, knownFingerprints).destination).to.deep.include({
      _tag: 'Replace',
      oldId: 'dst-1',
    });
  });

  it('replaces a connection whose source is another actor than ours', () => {
    const moved = { ...located, connection: O.some({ ...connection, sourceId: 'src-other' }) };
    const plan = planOf(desired, moved, knownFingerprints);
    expect(plan.connection).to.deep.include({ _tag: 'Replace', oldId: 'con-1' });
    expect(plan.connection._tag === 'Replace' && plan.connection.reason).to.contain(
      'source src-other → src-1',
    );
  });

  it('updates connection fields the descriptor sets, and ignores those it leaves out', () => {
    const cron = {
      ...desired,
      connection: {
        ...desired.connection,
        schedule: { scheduleType: 'cron' as const, cronExpression: '0 0 * * * ?' },
        status: 'inactive' as const,
        prefix: 'raw_',
      },
    };
    const actual = {
      ...located,
      connection: O.some({ ...connection, namespaceFormat: '${SOURCE_NAMESPACE}' }),
    };
    expect(planOf(cron, actual, knownFingerprints).connection).to.deep.include({
      _tag: 'Update',
      id: 'con-1',
      changedFields: ['schedule', 'status', 'prefix'],
    });
  });

  it('compares selected streams only on the fields the descriptor sets', () => {
    const selected = (syncMode?: 'incremental_append') => ({
      ...desired,
      connection: {
        ...desired.connection,
        streams: {
          _tag: 'Selected' as const,
          streams: [{ name: 'orders', ...(syncMode ? { syncMode } : {}) }],
        },
      },
    });
    expect(planOf(selected(), located, knownFingerprints).connection._tag).to.equal('Noop');
    expect(planOf(selected('incremental_append'), located, knownFingerprints).connection).to.deep.include({
      _tag: 'Update',
      changedFields: ['streams'],
    });
  });

  it('asks for discovery when a selected stream is new to the connection, then rejects an unknown name', () => {
    const selected = {
      ...desired,
      connection: {
        ...desired.connection,
        streams: { _tag: 'Selected' as const, streams: [{ name: 'orders' }, { name: 'refunds' }] },
      },
    };
    expect(planOf(selected, located, knownFingerprints).discover).to.equal(true);
    const catalog = O.some([{ name: 'orders', syncModes: ['full_refresh_overwrite' as const] }]);
    expect(planDeploy(selected, located, knownFingerprints, catalog)).to.deep.equal(
      E.left([
        {
          path: 'specific.connection.streams[1].name',
          message: 'the source offers no stream named "refunds" (it offers: orders)',
        },
      ]),
    );
  });

  it('rejects a selected sync mode the stream does not support', () => {
    const selected = {
      ...desired,
      connection: {
        ...desired.connection,
        streams: {
          _tag: 'Selected' as const,
          streams: [{ name: 'orders', syncMode: 'incremental_append' as const }],
        },
      },
    };
    const catalog = O.some([{ name: 'orders', syncModes: ['full_refresh_overwrite' as const] }]);
    expect(planDeploy(selected, nothingLocated, knownFingerprints, catalog)).to.deep.equal(
      E.left([
        {
          path: 'specific.connection.streams[0].syncMode',
          message:
            'stream "orders" does not support incremental_append (it supports: full_refresh_overwrite)',
        },
      ]),
    );
  });

  it('takes every discovered stream for `All`, preferring full_refresh_overwrite, else the first mode', () => {
    const catalog = O.some([
      { name: 'a', syncModes: ['full_refresh_append' as const, 'full_refresh_overwrite' as const] },
      { name: 'b', syncModes: ['incremental_append' as const], defaultCursorField: ['updated_at'] },
    ]);
    const plan = planOf(desired, nothingLocated, knownFingerprints, catalog);
    expect(plan.discover).to.equal(false);
    expect(plan.connection._tag === 'Create' && plan.connection.spec.streams).to.deep.equal([
      { name: 'a', syncMode: 'full_refresh_overwrite' },
      { name: 'b', syncMode: 'incremental_append', cursorField: ['updated_at'] },
    ]);
  });

  it('keeps the current settings of streams still discovered, and drops vanished ones', () => {
    const actual = {
      ...located,
      connection: O.some({
        ...connection,
        streams: [{ name: 'orders', syncMode: 'full_refresh_append' as const }, { name: 'gone' }],
      }),
    };
    const catalog = O.some([{ name: 'orders', syncModes: ['full_refresh_overwrite' as const] }]);
    const plan = planOf(desired, actual, knownFingerprints, catalog);
    expect(plan.connection).to.deep.include({ _tag: 'Update', changedFields: ['streams'] });
    expect(plan.connection._tag === 'Update' && plan.connection.spec.streams).to.deep.equal([
      { name: 'orders', syncMode: 'full_refresh_append' },
    ]);
  });

  it('converges after a partial deploy: the source exists, the rest is created', () => {
    const partial = { source: O.some(sourceActor), destination: O.none, connection: O.none };
    const plan = planOf(desired, partial, knownFingerprints);
    expect(plan.source._tag).to.equal('Noop');
    expect(plan.destination._tag).to.equal('Create');
    expect(plan.connection._tag).to.equal('Create');
    expect(destinationActor.id).to.equal('dst-1');
  });
});
