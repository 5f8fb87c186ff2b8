/** Request bodies built from the core's Witboost example descriptor. */
import { stringify } from 'yaml';
import { loadExampleDescriptor } from './landing.js';

export const exampleDescriptorText = async (): Promise<string> => {
  const example = await loadExampleDescriptor();
  return typeof example === 'string' ? example : stringify(example);
};

export const validateBody = async (): Promise<string> =>
  JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: await exampleDescriptorText() });
