import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import {
  parseRequestFile,
  validateUpdateAclRequest,
  witboostExampleDescriptor,
} from '../../src/descriptor/index.js';
import { noConnectorProfiles } from '../../src/domain/connector-profile.js';
import type { UpdateAclRequest } from '../../src/requests/requests.codec.js';
import { COMPONENT_ID, descriptorWith, specificWith } from './fixtures.js';

describe('parseRequestFile', () => {
  it('reads a whole ProvisioningRequest given as JSON', () => {
    const request = {
      descriptorKind: 'COMPONENT_DESCRIPTOR',
      descriptor: witboostExampleDescriptor,
      removeData: true,
      latestEnrichedDescriptor: '',
    };
    expect(parseRequestFile(JSON.stringify(request))).to.deep.equal(E.right(request));
  });

  it('wraps a bare YAML descriptor as a COMPONENT_DESCRIPTOR request', () => {
    expect(parseRequestFile(witboostExampleDescriptor)).to.deep.equal(
      E.right({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: witboostExampleDescriptor }),
    );
  });

  it('wraps text that is no mapping as well, leaving the verdict to validation', () => {
    expect(parseRequestFile('- a')).to.deep.equal(
      E.right({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: '- a' }),
    );
  });

  it('reports every problem of an invalid envelope with its path', () => {
    const text = JSON.stringify({ descriptorKind: 'WHOLE_THING', descriptor: { a: 1 }, removeData: 'no' });
    expect(parseRequestFile(text, 'request')).to.deep.equal(
      E.left([
        {
          path: 'request.descriptorKind',
          message:
            'must be one of "DATAPRODUCT_DESCRIPTOR", "COMPONENT_DESCRIPTOR", "DATAPRODUCT_DESCRIPTOR_WITH_RESULTS", got "WHOLE_THING"',
        },
        { path: 'request.descriptor', message: 'must be string, got a mapping' },
        { path: 'request.removeData', message: 'must be boolean, got "no"' },
      ]),
    );
  });

  it('reports unreadable text as a YAML problem', () => {
    expect(parseRequestFile('{"descriptorKind": ', 'request')).to.deep.equal(
      E.left([
        {
          path: 'request',
          message: 'is not valid YAML at line 1, column 20: Flow map must end with a }',
        },
      ]),
    );
  });
});

describe('validateUpdateAclRequest', () => {
  const validate = validateUpdateAclRequest(noConnectorProfiles);
  const legacy = (request: string): UpdateAclRequest => ({
    acl: { users: ['user:jane'], groups: [] },
    provisionInfo: { request, result: 'ok' },
  });
  const refs = (request: string): UpdateAclRequest => ({
    refs: ['user:jane', 'group:analysts'],
    provisionInfo: { request },
  });

  for (const [shape, make] of [
    ['legacy acl', legacy],
    ['2.2.0 refs', refs],
  ] as const) {
    it(`accepts the ${shape} shape with a valid descriptor, as YAML or as a JSON request`, () => {
      const fromYaml = validate(make(witboostExampleDescriptor));
      expect(E.isRight(fromYaml) && fromYaml.right.componentId).to.equal(COMPONENT_ID);
      const fromJson = validate(
        make(
          JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: witboostExampleDescriptor }),
        ),
      );
      expect(fromJson).to.deep.equal(fromYaml);
    });

    it(`reports the ${shape} shape's descriptor problems under provisionInfo.request`, () => {
      const descriptor = specificWith((s) => (s.connection['status'] = 'paused'));
      expect(validate(make(descriptor))).to.deep.equal(
        E.left([
          {
            path: 'provisionInfo.request.dataProduct.components[0].specific.connection.status',
            message: 'must be one of "active", "inactive", got "paused"',
          },
        ]),
      );
    });
  }

  it('ignores the previous record: an ACL update deploys nothing', () => {
    const request = JSON.stringify({
      descriptorKind: 'COMPONENT_DESCRIPTOR',
      descriptor: witboostExampleDescriptor,
      latestEnrichedDescriptor: JSON.stringify({
        components: [{ id: COMPONENT_ID, info: { privateInfo: { airbyte: { workspaceId: 'w' } } } }],
      }),
    });
    const result = validate(refs(request));
    expect(E.isRight(result) && result.right.previous).to.deep.equal({ _tag: 'None' });
  });

  it('rejects a data product descriptor kind under provisionInfo.request', () => {
    const request = JSON.stringify({
      descriptorKind: 'DATAPRODUCT_DESCRIPTOR',
      descriptor: witboostExampleDescriptor,
    });
    expect(validate(refs(request))).to.deep.equal(
      E.left([
        {
          path: 'provisionInfo.request.descriptorKind',
          message:
            'DATAPRODUCT_DESCRIPTOR is not supported by this provisioner: send COMPONENT_DESCRIPTOR (the data product and componentIdToProvision)',
        },
      ]),
    );
  });

  it('reports an invalid envelope and unreadable YAML under provisionInfo.request', () => {
    expect(validate(refs(JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR' })))).to.deep.equal(
      E.left([{ path: 'provisionInfo.request.descriptor', message: 'is required (string)' }]),
    );
    expect(validate(legacy('a: [1'))).to.deep.equal(
      E.left([
        {
          path: 'provisionInfo.request',
          message:
            'is not valid YAML at line 1, column 6: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ]),
    );
  });

  it('reports a missing componentIdToProvision under provisionInfo.request', () => {
    const descriptor = descriptorWith((tree) => delete tree['componentIdToProvision']);
    expect(validate(legacy(descriptor))).to.deep.equal(
      E.left([
        { path: 'provisionInfo.request.componentIdToProvision', message: 'is required (a non-empty string)' },
      ]),
    );
  });
});
