/** Request bodies and polling shared by the test files. */
import { witboostExampleDescriptor } from '@airbyte-provisioner/core/testing';
import { expect } from 'chai';
import type { Answer, Harness } from './harness.js';

export const legacy = '/datamesh.airbytespecificprovisioner/0.0';
export const families = [
  { name: 'legacy', prefix: legacy, tokenType: 'application/json' },
  { name: '2.2.0', prefix: '/v1', tokenType: 'text/plain' },
] as const;

export const exampleRequest = (overrides: Record<string, unknown> = {}) => ({
  descriptorKind: 'COMPONENT_DESCRIPTOR',
  descriptor: witboostExampleDescriptor,
  ...overrides,
});

export const provisionInfo = { request: JSON.stringify(exampleRequest()), result: 'ok' };

/** A billion laughs in YAML: 9^5 nodes if aliases were expanded. */
export const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
].join('\n');

/** The token of a 202, whichever way the route encodes it (bare text, or a JSON string). */
export const tokenOf = (answer: Answer): string => {
  expect(answer.status, answer.text).to.equal(202);
  return typeof answer.body === 'string' && answer.headers.get('content-type')?.includes('json') === true
    ? answer.body
    : answer.text;
};

/** Polls a status route until it leaves RUNNING. */
export const waitForStatus = async (harness: Harness, path: string): Promise<Answer> => {
  for (let i = 0; i < 400; i++) {
    const answer = await harness.call('GET', path);
    if ((answer.body as { status?: string }).status !== 'RUNNING') return answer;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${path} stayed RUNNING`);
};

export const bodyOf = <T>(answer: Answer): T => answer.body as T;
