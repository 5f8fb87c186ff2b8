import { expect } from 'chai';
import { MASKED_SECRET } from '../../src/domain/index.js';
import {
  changedConfigurationPaths,
  deployChanges,
  jsonEqual,
  leaves,
  NOT_YET_CREATED,
  secretFingerprint,
  valueAt,
} from '../../src/planner/index.js';
import { fakeFingerprinter } from '../../src/testing/index.js';
import { desired } from './fixtures.js';

describe('configuration diff', () => {
  it('flattens nested objects to dot paths, arrays and empty objects being leaves', () => {
    expect([...leaves({ a: { b: 1, c: [1, 2] }, d: {} })]).to.deep.equal([
      ['a.b', 1],
      ['a.c', [1, 2]],
      ['d', {}],
    ]);
  });

  it('compares JSON deeply', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).to.equal(true);
    expect(jsonEqual({ a: [1] }, { a: [1, 2] })).to.equal(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).to.equal(false);
    expect(jsonEqual('1', 1)).to.equal(false);
  });

  it("ignores secret paths, masked values and Airbyte's type key; counts keys on one side only", () => {
    const want = { url: 'u', nested: { keep: 1, token: 'x' }, password: 'p', gone: 'g' };
    const have = {
      url: 'v',
      nested: { keep: 1, token: MASKED_SECRET },
      password: MASKED_SECRET,
      extra: 2,
      sourceType: 'file',
    };
    expect(changedConfigurationPaths(want, have, ['password'])).to.deep.equal(['extra', 'gone', 'url']);
  });

  it('treats an empty object and a missing one as a difference only once', () => {
    expect(changedConfigurationPaths({ a: {} }, { a: { b: 1 } }, [])).to.deep.equal(['a']);
  });

  it('reads values at dot paths', () => {
    expect(valueAt({ a: { b: 2 } }, 'a.b')).to.equal(2);
    expect(valueAt({ a: 1 }, 'a.b')).to.equal(undefined);
  });
});

describe('secretFingerprint', () => {
  it('has no fingerprint without secrets, and one that moves with any secret value', () => {
    expect(secretFingerprint(fakeFingerprinter)(desired.source)).to.equal(undefined);
    const fp = secretFingerprint(fakeFingerprinter)(desired.destination);
    const changed = secretFingerprint(fakeFingerprinter)({
      ...desired.destination,
      configuration: { ...desired.destination.configuration, credentials: { password: 'other' } },
    });
    expect(fp).to.be.a('string').and.not.equal(changed);
  });
});

describe('deployChanges', () => {
  it('prints a plan without values, naming what a replacement will use', () => {
    const spec = {
      name: 'c',
      sourceId: NOT_YET_CREATED,
      destinationId: 'd',
      streams: [],
      schedule: { scheduleType: 'manual' as const },
      status: 'active' as const,
    };
    expect(
      deployChanges({
        source: {
          _tag: 'Replace',
          kind: 'source',
          oldId: 's0',
          spec: { name: 's', connector: desired.source.connector, configuration: { url: 'secret-free' } },
          reason: 'type changed',
        },
        destination: {
          _tag: 'Update',
          kind: 'destination',
          id: 'd',
          spec: { name: 'd', connector: desired.destination.connector, configuration: {} },
          changedFields: ['name'],
          secretsUnknown: false,
        },
        connection: {
          _tag: 'Replace',
          oldId: 'c0',
          spec,
          reason: `it must use another source s0 → ${NOT_YET_CREATED}`,
        },
        discover: true,
      }),
    ).to.deep.equal([
      { kind: 'source', name: 's', action: 'replace', id: 's0', reason: 'type changed' },
      { kind: 'destination', name: 'd', action: 'update', id: 'd', changedFields: ['name'] },
      {
        kind: 'connection',
        name: 'c',
        action: 'replace',
        id: 'c0',
        reason: 'it must use another source s0 → the new one',
      },
    ]);
  });
});
