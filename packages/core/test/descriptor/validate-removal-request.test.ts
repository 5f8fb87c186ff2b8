import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { stringify } from 'yaml';
import { validateRemovalRequest } from '../../src/descriptor/validate-removal-request.js';
import { noConnectorProfiles } from '../../src/domain/connector-profile.js';
import {
  AT,
  COMPONENT_ID,
  SPECIFIC,
  componentRequest,
  componentsOf,
  descriptorWith,
  exampleTree,
  specificWith,
  validate,
  type Tree,
} from './fixtures.js';

const removal = (descriptor: string, latestEnrichedDescriptor?: string) =>
  validateRemovalRequest(noConnectorProfiles)(
    componentRequest(descriptor, latestEnrichedDescriptor === undefined ? {} : { latestEnrichedDescriptor }),
  );

const RECORD = {
  workspaceId: 'ws',
  sourceId: 'source-1',
  destinationId: 'destination-2',
  connectionId: 'connection-3',
};

const enrichedWithRecord = (): string => {
  const tree = exampleTree();
  componentsOf(tree)[0]!['info'] = { privateInfo: { airbyte: RECORD } };
  return stringify(tree);
};

describe('validateRemovalRequest', () => {
  it('answers what the full validation answers for a valid descriptor', () => {
    const text = specificWith(() => undefined);
    expect(removal(text)).to.deep.equal(validate(text));
  });

  it('removes by name a component a deploy would refuse, telling the problems as a warning', () => {
    const text = specificWith((s) => {
      s.source.connectionConfiguration['format'] = 'xlsx';
      s.connection['streams'] = 'all';
    });
    const result = removal(text);
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    expect(result.right.componentId).to.equal(COMPONENT_ID);
    expect([
      result.right.desired.source.name,
      result.right.desired.destination.name,
      result.right.desired.connection.name,
    ]).to.deep.equal([
      'healthcare.vaccinations.0.File',
      'healthcare.vaccinations.0.Snowflake',
      'healthcare.vaccinations.0.File-to-Snowflake',
    ]);
    expect(result.right.warnings).to.have.length(1);
    expect(result.right.warnings[0]).to.match(
      /^The descriptor would not pass a deploy \(.*specific\.connection\.streams: must be a list of streams.*specific\.source\.connectionConfiguration\.format: must be one of .*\); its resources are removed by their recorded ids and names$/,
    );
  });

  it('needs no name when the id is recorded in latestEnrichedDescriptor, and takes the record', () => {
    const text = specificWith((s) => {
      delete s.source['name'];
      delete (s as unknown as Tree)['destination'];
    });
    const result = removal(text, enrichedWithRecord());
    expect(E.isRight(result) && result.right.previous).to.deep.equal(O.some(RECORD));
  });

  it('refuses when neither a name nor a recorded id identifies a resource, naming it', () => {
    const text = specificWith((s) => delete s.source['name']);
    expect(removal(text)).to.deep.equal(
      E.left([
        {
          path: `${SPECIFIC}.source.name`,
          message:
            'is required to find the source to remove (no id of it was recorded in latestEnrichedDescriptor)',
        },
      ]),
    );
  });

  it('refuses a name another component shares unless an id recorded for it tells them apart', () => {
    const text = descriptorWith((tree) => {
      const components = componentsOf(tree);
      components.push({ ...structuredClone(components[0]!), id: 'urn:dmb:cmp:other' });
    });
    const refused = removal(text);
    expect(E.isLeft(refused) && refused.left.map((p) => p.path)).to.deep.equal(
      ['source', 'destination', 'connection'].map((kind) => `${AT}.specific.${kind}.name`),
    );
    const enriched = descriptorWith((tree) => {
      const components = componentsOf(tree);
      components[0]!['info'] = { privateInfo: { airbyte: RECORD } };
    });
    expect(removal(text, enriched)._tag).to.equal('Right');
  });

  it('still refuses what cannot be read: YAML, the component to remove', () => {
    expect(removal('dataProduct: [')._tag).to.equal('Left');
    const text = descriptorWith((tree) => (tree['componentIdToProvision'] = 'urn:nowhere'));
    expect(removal(text)).to.deep.equal(validate(text));
  });
});
