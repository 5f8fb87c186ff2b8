import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { witboostExampleDescriptor } from '../../src/descriptor/index.js';
import { validateProvisioningRequest } from '../../src/descriptor/validate-provisioning-request.js';
import { noConnectorProfiles } from '../../src/domain/connector-profile.js';

const request = (descriptor: string, latestEnrichedDescriptor?: string) => ({
  descriptorKind: 'COMPONENT_DESCRIPTOR' as const,
  descriptor,
  ...(latestEnrichedDescriptor === undefined ? {} : { latestEnrichedDescriptor }),
});

describe('validateProvisioningRequest memo', () => {
  it('answers a request seen before with the same frozen outcome, shared by every caller with the same profiles', () => {
    // a copy of the text, as a new request brings: the memo compares contents, not string identity
    const descriptor = `${witboostExampleDescriptor}\n# ${Math.random()}`;
    const first = validateProvisioningRequest(noConnectorProfiles)(request(descriptor));
    const second = validateProvisioningRequest(noConnectorProfiles)(request(descriptor.split('').join('')));
    expect(second).to.equal(first);
    expect(E.isRight(first) && Object.isFrozen(first.right.desired.source)).to.equal(true);
  });

  it('keeps outcomes apart per profiles object', () => {
    const descriptor = `${witboostExampleDescriptor}\n# ${Math.random()}`;
    const profiles = { sources: {}, destinations: {} };
    const ours = validateProvisioningRequest(profiles)(request(descriptor));
    const theirs = validateProvisioningRequest(noConnectorProfiles)(request(descriptor));
    expect(ours).to.not.equal(theirs);
    expect(ours).to.deep.equal(theirs);
  });

  it('never takes a descriptor for a descriptor with an enriched one', () => {
    const enriched = 'components: []';
    // the request with an enriched descriptor first: a key that joined the two texts would be found next
    const apart = validateProvisioningRequest(noConnectorProfiles)(
      request(witboostExampleDescriptor, enriched),
    );
    const joined = validateProvisioningRequest(noConnectorProfiles)(
      request(`${witboostExampleDescriptor}\u0000${enriched}`),
    );
    expect([E.isLeft(joined), E.isRight(apart)]).to.deep.equal([true, true]);
  });

  it('forgets the least recently used outcome beyond 128, and answers it afresh, equal', () => {
    const validate = validateProvisioningRequest(noConnectorProfiles);
    const texts = Array.from(
      { length: 130 },
      (_, i) => `${witboostExampleDescriptor}\n# ${i} ${Math.random()}`,
    );
    const outcomes = texts.map((t) => validate(request(t)));
    // the first was used least recently: it is computed again, the last is still remembered
    const again = validate(request(texts[0]!));
    expect(again).to.not.equal(outcomes[0]);
    expect(again).to.deep.equal(outcomes[0]);
    expect(validate(request(texts[129]!))).to.equal(outcomes[129]);
  });
});
