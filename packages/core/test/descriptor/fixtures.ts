/** Descriptors for the descriptor tests: the Witboost example, parsed, changed and serialized again. */
import { parse, stringify } from 'yaml';
import { validateProvisioningRequest, witboostExampleDescriptor } from '../../src/descriptor/index.js';
import { noConnectorProfiles } from '../../src/domain/connector-profile.js';
import type { ProvisioningRequest } from '../../src/requests/requests.codec.js';

export type Tree = Record<string, unknown>;

export const COMPONENT_ID = 'urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload';
export const AT = 'dataProduct.components[0]';
export const SPECIFIC = `${AT}.specific`;

export const exampleTree = (): Tree => parse(witboostExampleDescriptor) as Tree;

export const componentsOf = (tree: Tree): Tree[] => (tree['dataProduct'] as Tree)['components'] as Tree[];

export interface Specific {
  source: Tree & { connectionConfiguration: Tree };
  destination: Tree & { connectionConfiguration: Tree };
  connection: Tree;
}

/** The example with its whole tree changed in place. */
export const descriptorWith = (change: (tree: Tree) => void): string => {
  const tree = exampleTree();
  change(tree);
  return stringify(tree);
};

/** The example with the workload `specific` changed in place. */
export const specificWith = (change: (specific: Specific) => void): string =>
  descriptorWith((tree) => change(componentsOf(tree)[0]!['specific'] as Specific));

export const componentRequest = (
  descriptor: string,
  extra: Partial<ProvisioningRequest> = {},
): ProvisioningRequest => ({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor, ...extra });

export const validate = (descriptor: string, extra: Partial<ProvisioningRequest> = {}) =>
  validateProvisioningRequest(noConnectorProfiles)(componentRequest(descriptor, extra));
