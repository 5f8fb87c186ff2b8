import { expect } from 'chai';
import { closestKey } from '../../src/descriptor/closest-key.js';

describe('closestKey', () => {
  it('proposes the known key one swap, insertion or deletion away, whatever the case', () => {
    expect(closestKey('frmat', ['url', 'format', 'provider'])).to.equal('format');
    expect(closestKey('fromat', ['url', 'format'])).to.equal('format');
    expect(closestKey('formatt', ['url', 'format'])).to.equal('format');
    expect(closestKey('FORMAT_', ['url', 'format'])).to.equal('format');
  });

  it('allows as many mistakes as the length says, counting a difference in length as mistakes', () => {
    // 8 characters: two mistakes, so a key two letters longer is meant and one three letters longer is not
    expect(closestKey('abcdefgh', ['abcdefghij'])).to.equal('abcdefghij');
    expect(closestKey('abcdefgh', ['abcdefghijk'])).to.equal(undefined);
    expect(closestKey('abcdefghij', ['abcdefgh'])).to.equal('abcdefgh');
    // 5 characters: one mistake
    expect(closestKey('forma', ['format'])).to.equal('format');
    expect(closestKey('form', ['format'])).to.equal(undefined);
  });

  it('prefers the closest of several candidates, and proposes nothing when none is close', () => {
    expect(closestKey('user_agnet', ['user', 'user_agent', 'user_agents'])).to.equal('user_agent');
    expect(closestKey('dataset_name', ['url', 'format', 'provider'])).to.equal(undefined);
    expect(closestKey('anything', [])).to.equal(undefined);
  });
});
