/**
 * The bench's input: the repository's File → Snowflake example (a Witboost component descriptor), and
 * request bodies built from it. Validate-throughput bodies differ on every request (component id, its
 * name and its Airbyte resource names carry a counter), so no cache of one body can answer them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distinctComponent } from './descriptors.js';
import { repoRoot } from './paths.js';

export const exampleDescriptorText = (): string =>
  readFileSync(join(repoRoot, 'examples', 'file-to-snowflake.yaml'), 'utf8');

const validateRequest = (descriptor: string): string =>
  JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor });

const COUNTER = 'BENCHCOUNTER';

/** An endless supply of distinct validate bodies, all valid, all of the same shape and nearly the same size. */
export interface BodySource {
  readonly next: () => string;
  /** How many bodies were handed out: every one was different. */
  readonly handedOut: () => number;
}

export const variedValidateBodies = (): BodySource => {
  const template = validateRequest(distinctComponent(exampleDescriptorText(), `-${COUNTER}`));
  const parts = template.split(COUNTER);
  let counter = 0;
  return {
    next: () => {
      counter += 1;
      return parts.join(String(counter));
    },
    handedOut: () => counter,
  };
};
