import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { stringify } from 'yaml';
import { witboostExampleDescriptor } from '../../src/descriptor/index.js';
import { componentIn, recordOfComponent } from '../../src/descriptor/previous-record.reader.js';
import { COMPONENT_ID, componentsOf, descriptorWith, exampleTree, validate } from './fixtures.js';

const record = {
  workspaceId: 'ws-1',
  sourceId: 'src-1',
  destinationId: 'dst-1',
  connectionId: 'con-1',
  sourceFingerprint: 'fp-s',
  destinationFingerprint: 'fp-d',
  lastJobId: 42,
  pendingDeletions: [{ kind: 'source', id: 'src-0' }],
  doubtfulCreates: [
    {
      kind: 'destination',
      name: 'orders-snowflake',
      since: 1_767_225_600_000,
      id: 'dst-1',
      definitionId: 'def-1',
    },
  ],
};

const withInfo = (airbyte: unknown) => ({ id: COMPONENT_ID, info: { privateInfo: { airbyte } } });

const previousOf = (latestEnrichedDescriptor: string | undefined, descriptor = witboostExampleDescriptor) => {
  const result = validate(
    descriptor,
    latestEnrichedDescriptor === undefined ? {} : { latestEnrichedDescriptor },
  );
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right.previous;
};

describe('the previous deployment record', () => {
  it('is none on a first deploy', () => {
    expect(previousOf(undefined)).to.deep.equal(O.none);
    expect(previousOf('  ')).to.deep.equal(O.none);
  });

  it('comes from latestEnrichedDescriptor with components at the top level', () => {
    const enriched = stringify({ id: 'dp', components: [{ id: 'other' }, withInfo(record)] });
    expect(previousOf(enriched)).to.deep.equal(O.some(record));
  });

  it('comes from latestEnrichedDescriptor with components under dataProduct', () => {
    const enriched = stringify({ dataProduct: { components: [withInfo({ workspaceId: 'ws-2' })] } });
    expect(previousOf(enriched)).to.deep.equal(O.some({ workspaceId: 'ws-2' }));
  });

  it("comes from the descriptor's own component info when the platform sent none", () => {
    const descriptor = descriptorWith((tree) => {
      componentsOf(tree)[0]!['info'] = {
        privateInfo: { airbyte: { workspaceId: 'ws-3', connectionId: 'c' } },
      };
    });
    expect(previousOf(undefined, descriptor)).to.deep.equal(
      O.some({ workspaceId: 'ws-3', connectionId: 'c' }),
    );
  });

  it("prefers latestEnrichedDescriptor over the descriptor's own info", () => {
    const descriptor = descriptorWith((tree) => {
      componentsOf(tree)[0]!['info'] = { privateInfo: { airbyte: { workspaceId: 'own' } } };
    });
    const enriched = stringify({ components: [withInfo({ workspaceId: 'platform' })] });
    expect(previousOf(enriched, descriptor)).to.deep.equal(O.some({ workspaceId: 'platform' }));
  });

  it("falls back to the descriptor's own info when the enriched one is malformed", () => {
    const descriptor = descriptorWith((tree) => {
      componentsOf(tree)[0]!['info'] = { privateInfo: { airbyte: { workspaceId: 'own' } } };
    });
    for (const enriched of ['components: [', stringify({ components: [withInfo({ workspaceId: 5 })] })]) {
      expect(previousOf(enriched, descriptor), enriched).to.deep.equal(O.some({ workspaceId: 'own' }));
    }
  });

  it('ignores a malformed record instead of failing the request', () => {
    for (const enriched of [
      'components: [',
      '!foo x',
      stringify({ components: [withInfo({ workspaceId: 'ws', lastJobId: 'latest' })] }),
      stringify({
        components: [withInfo({ workspaceId: 'ws', pendingDeletions: [{ kind: 'job', id: 'x' }] })],
      }),
      stringify({ components: [withInfo('ws')] }),
      stringify({ components: 'all' }),
      stringify(['a']),
    ]) {
      expect(previousOf(enriched), enriched).to.deep.equal(O.none);
    }
  });

  it('reads leniently at the level of the helpers', () => {
    expect(recordOfComponent(undefined)).to.deep.equal(O.none);
    expect(recordOfComponent({ info: { privateInfo: [] } })).to.deep.equal(O.none);
    expect(componentIn(exampleTree(), COMPONENT_ID)).to.deep.equal(componentsOf(exampleTree())[0]);
    expect(componentIn(exampleTree(), 'missing')).to.equal(undefined);
    expect(componentIn(null, COMPONENT_ID)).to.equal(undefined);
  });
});
