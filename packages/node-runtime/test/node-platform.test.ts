import { expect } from 'chai';
import { nodePlatform } from '../src/index.js';

describe('nodePlatform', () => {
  it('reads the system clock and draws random UUID task ids', () => {
    const { clock, ids } = nodePlatform();
    const before = Date.now();
    const now = clock.now();
    expect(now).to.be.at.least(before).and.at.most(Date.now());
    const drawn = new Set(Array.from({ length: 100 }, () => ids.next()));
    expect(drawn.size).to.equal(100);
    for (const id of drawn)
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fingerprints under the given key, stably; without one, under a key of its own per platform', () => {
    const keyed = () => nodePlatform({ fingerprintKey: 'k' }).fingerprinter.fingerprint(['hunter2']);
    expect(keyed()).to.equal(keyed());
    const a = nodePlatform().fingerprinter.fingerprint(['hunter2']);
    const b = nodePlatform().fingerprinter.fingerprint(['hunter2']);
    expect(a).to.match(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(a).to.not.equal(b);
    expect(a).to.not.equal(keyed());
  });
});
