import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeWith, ProvisioningRequest, UpdateAclRequest } from '../../src/index.js';

describe('decodeWith', () => {
  it('reports every wrong field of a request envelope with its path', () => {
    const result = decodeWith(ProvisioningRequest)({
      descriptorKind: 'NOPE',
      descriptor: 42,
      removeData: 'yes',
    });
    expect(result).to.deep.equal(
      E.left([
        {
          path: 'descriptorKind',
          message:
            'must be one of "DATAPRODUCT_DESCRIPTOR", "COMPONENT_DESCRIPTOR", "DATAPRODUCT_DESCRIPTOR_WITH_RESULTS", got "NOPE"',
        },
        { path: 'descriptor', message: 'must be string, got 42' },
        { path: 'removeData', message: 'must be boolean, got "yes"' },
      ]),
    );
  });

  it('says a missing field is required', () => {
    expect(decodeWith(ProvisioningRequest)({ descriptor: 'x' })).to.deep.equal(
      E.left([
        {
          path: 'descriptorKind',
          message:
            'is required (one of "DATAPRODUCT_DESCRIPTOR", "COMPONENT_DESCRIPTOR", "DATAPRODUCT_DESCRIPTOR_WITH_RESULTS")',
        },
      ]),
    );
  });

  it('names array indices and prefixes a root path', () => {
    const codec = t.type({ items: t.array(t.type({ name: t.string })) });
    expect(decodeWith(codec, 'body')({ items: [{ name: 'a' }, { name: null }] })).to.deep.equal(
      E.left([{ path: 'body.items[1].name', message: 'must be string, got null' }]),
    );
  });

  it('accepts both updateacl shapes', () => {
    const provisionInfo = { request: 'x', result: 'y' };
    expect(
      E.isRight(decodeWith(UpdateAclRequest)({ acl: { users: [], groups: [] }, provisionInfo })),
    ).to.equal(true);
    expect(E.isRight(decodeWith(UpdateAclRequest)({ refs: ['user:a'], provisionInfo }))).to.equal(true);
  });

  it('describes long strings by length instead of echoing them', () => {
    const result = decodeWith(t.type({ n: t.number }))({ n: 'x'.repeat(500) });
    expect(result).to.deep.equal(
      E.left([{ path: 'n', message: 'must be number, got a 500-character string' }]),
    );
  });
});
