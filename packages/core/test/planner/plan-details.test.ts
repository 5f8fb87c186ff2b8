import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { DesiredState } from '../../src/domain/index.js';
import {
  deployChangesInDetail,
  planDeploy,
  streamChanges,
  type DeployFingerprints,
} from '../../src/planner/index.js';
import {
  connection,
  desired,
  destinationActor,
  knownFingerprints,
  located,
  nothingLocated,
  sourceActor,
} from './fixtures.js';

const detailOf = (want: DesiredState, where: typeof located, fingerprints: DeployFingerprints) => {
  const plan = planDeploy(want, where, fingerprints);
  if (E.isLeft(plan)) throw new Error(JSON.stringify(plan.left));
  return deployChangesInDetail(plan.right, want, where);
};

describe('deployChangesInDetail', () => {
  it('lists what a create sets, secrets named only, and says the streams come from discovery', () => {
    const [source, destination, conn] = detailOf(desired, nothingLocated, knownFingerprints);
    expect(source!.values).to.deep.equal([
      { path: 'connector', value: 'file' },
      { path: 'configuration.url', value: 'https://example.com/orders.csv' },
      { path: 'configuration.format', value: 'csv' },
      { path: 'configuration.dataset_name', value: 'orders' },
      { path: 'configuration.provider.storage', value: 'HTTPS' },
      { path: 'configuration.provider.user_agent', value: false },
    ]);
    expect(destination!.values).to.deep.include({ path: 'configuration.credentials.password', secret: true });
    expect(JSON.stringify(destination)).to.not.include('s3cret');
    expect(conn).to.deep.include({
      action: 'create',
      values: [
        { path: 'schedule', value: 'manual' },
        { path: 'status', value: 'active' },
      ],
      streamChanges: [],
      streamsFromDiscovery: true,
    });
  });

  it('gives old and new for each changed value, and only "secret" for a changed secret', () => {
    const changed: DesiredState = {
      ...desired,
      source: { ...desired.source, configuration: { ...desired.source.configuration, format: 'json' } },
      destination: {
        ...desired.destination,
        name: 'orders-sf',
        configuration: {
          ...desired.destination.configuration,
          schema: 'STAGING',
          credentials: { password: 'n3w' },
        },
      },
    };
    const [source, destination] = detailOf(changed, located, {
      ...knownFingerprints,
      destination: { desired: 'fp-2', stored: O.some('fp-1') },
    });
    expect(source!.valueChanges).to.deep.equal([{ path: 'configuration.format', old: 'csv', new: 'json' }]);
    expect(destination!.valueChanges).to.deep.equal([
      { path: 'name', old: 'orders-snowflake', new: 'orders-sf' },
      { path: 'configuration.schema', old: 'ORDERS', new: 'STAGING' },
      { path: 'configuration.credentials.password', secret: true },
    ]);
    expect(JSON.stringify(destination)).to.not.include('n3w');
  });

  it('marks secrets re-sent because their previous fingerprint is unknown', () => {
    const [, destination] = detailOf(desired, located, {
      ...knownFingerprints,
      destination: { desired: 'fp-1', stored: O.none },
    });
    expect(destination).to.deep.include({
      action: 'update',
      secretsUnknown: true,
      valueChanges: [{ path: 'configuration.credentials.password', secret: true }],
    });
  });

  it('tells a connection update value by value and stream by stream', () => {
    const want: DesiredState = {
      ...desired,
      connection: {
        ...desired.connection,
        schedule: { scheduleType: 'cron', cronExpression: '0 0 6 * * ?' },
        streams: {
          _tag: 'Selected',
          streams: [
            { name: 'orders', syncMode: 'incremental_append', cursorField: ['updated_at'] },
            { name: 'customers', syncMode: 'full_refresh_overwrite' },
          ],
        },
      },
    };
    const where = {
      ...located,
      connection: O.some({
        ...connection,
        streams: [
          { name: 'orders', syncMode: 'full_refresh_overwrite' as const },
          { name: 'payments', syncMode: 'full_refresh_overwrite' as const },
        ],
      }),
    };
    const [, , conn] = detailOf(want, where, knownFingerprints);
    expect(conn).to.deep.include({
      action: 'update',
      valueChanges: [{ path: 'schedule', old: 'manual', new: 'cron 0 0 6 * * ?' }],
      streamChanges: [
        {
          name: 'orders',
          change: 'changed',
          fields: [
            { path: 'syncMode', old: 'full_refresh_overwrite', new: 'incremental_append' },
            { path: 'cursorField', new: ['updated_at'] },
          ],
        },
        {
          name: 'customers',
          change: 'added',
          fields: [{ path: 'syncMode', new: 'full_refresh_overwrite' }],
        },
        { name: 'payments', change: 'removed', fields: [] },
      ],
    });
  });

  it('gives a replace its reason and the values of the new resource; a noop nothing more', () => {
    const want: DesiredState = {
      ...desired,
      source: { ...desired.source, connector: { _tag: 'ConnectorType', connectorType: 'postgres' } },
    };
    const [source, destination] = detailOf(want, located, knownFingerprints);
    expect(source).to.deep.include({ action: 'replace', id: sourceActor.id });
    expect(source!.reason).to.match(/connector changed/);
    expect(source!.values![0]).to.deep.equal({ path: 'connector', value: 'postgres' });
    expect(destination).to.deep.equal({
      kind: 'destination',
      name: destinationActor.name,
      action: 'noop',
      id: destinationActor.id,
    });
  });

  it('streamChanges ignores unchanged streams and order', () => {
    const a = [
      { name: 'x', syncMode: 'full_refresh_overwrite' as const },
      { name: 'y', syncMode: 'incremental_append' as const, primaryKey: [['id']] },
    ];
    expect(streamChanges(a, [...a].reverse())).to.deep.equal([]);
    expect(streamChanges(a, [{ ...a[1]!, primaryKey: [['id'], ['region']] }, a[0]!])).to.deep.equal([
      {
        name: 'y',
        change: 'changed',
        fields: [{ path: 'primaryKey', old: [['id']], new: [['id'], ['region']] }],
      },
    ]);
  });
});
