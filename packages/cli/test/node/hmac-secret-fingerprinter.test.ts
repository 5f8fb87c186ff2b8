import { expect } from 'chai';
import {
  deriveFingerprintKey,
  makeHmacSecretFingerprinter,
} from '../../src/node/hmac-secret-fingerprinter.js';

const WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';

describe('HMAC secret fingerprinter', () => {
  const fingerprinter = makeHmacSecretFingerprinter('a-key-of-sixteen+');

  it('is stable for the same values and never contains them', () => {
    const a = fingerprinter.fingerprint(['hunter2']);
    expect(a).to.equal(fingerprinter.fingerprint(['hunter2']));
    expect(a).to.match(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(a).not.to.contain('hunter2');
  });

  it('tells apart different values, different splits and different keys', () => {
    const all = [
      fingerprinter.fingerprint(['ab', 'c']),
      fingerprinter.fingerprint(['a', 'bc']),
      fingerprinter.fingerprint(['abc']),
      fingerprinter.fingerprint([]),
      makeHmacSecretFingerprinter('another-key-16ch').fingerprint(['abc']),
    ];
    expect(new Set(all).size).to.equal(all.length);
  });

  it('derives the same key from the same workspace and credentials, another from others', () => {
    const auth = { type: 'clientCredentials', clientId: 'id', clientSecret: 's' } as const;
    expect(deriveFingerprintKey(WORKSPACE, auth)).to.equal(deriveFingerprintKey(WORKSPACE, { ...auth }));
    expect(deriveFingerprintKey(WORKSPACE, auth)).not.to.equal(
      deriveFingerprintKey(WORKSPACE, { ...auth, clientSecret: 't' }),
    );
    expect(deriveFingerprintKey(WORKSPACE, { type: 'bearer', token: 'x' })).not.to.equal(
      deriveFingerprintKey('00000000-0000-4000-8000-000000000000', { type: 'bearer', token: 'x' }),
    );
  });
});
