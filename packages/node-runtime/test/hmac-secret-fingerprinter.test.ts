import { expect } from 'chai';
import { deriveFingerprintKey, makeHmacSecretFingerprinter } from '../src/index.js';

const WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';

describe('HMAC secret fingerprinter', () => {
  const fingerprinter = makeHmacSecretFingerprinter('a-key-of-sixteen+');

  it('is stable for the same values and never contains them', () => {
    const a = fingerprinter.fingerprint(['hunter2']);
    expect(a).to.equal(fingerprinter.fingerprint(['hunter2']));
    expect(a).to.match(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(a).not.to.contain('hunter2');
  });

  it('gives the fingerprints already stored in records: the same key and values, the same text', () => {
    // computed by the CLI's fingerprinter before it moved here: records written then must still match
    expect(fingerprinter.fingerprint(['hunter2'])).to.equal(
      'hmac-sha256:285a32e135684eaf4c2a82be9e0166a4ac8328e008062a6e2b6464fc979b1ba2',
    );
    expect(deriveFingerprintKey(WORKSPACE, ['clientCredentials', 'id', 's'])).to.equal(
      '63176dd544702743cf2bd867f4d47fd3db466944925b140ab3cc9f653d899947',
    );
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
    const credentials = ['clientCredentials', 'id', 's'];
    expect(deriveFingerprintKey(WORKSPACE, credentials)).to.equal(
      deriveFingerprintKey(WORKSPACE, [...credentials]),
    );
    expect(deriveFingerprintKey(WORKSPACE, credentials)).not.to.equal(
      deriveFingerprintKey(WORKSPACE, ['clientCredentials', 'id', 't']),
    );
    expect(deriveFingerprintKey(WORKSPACE, ['clientCredentials', 'id', 's'])).not.to.equal(
      deriveFingerprintKey(WORKSPACE, ['clientCredentials', 'i', 'ds']),
    );
    expect(deriveFingerprintKey(WORKSPACE, ['bearer', 'x'])).not.to.equal(
      deriveFingerprintKey('00000000-0000-4000-8000-000000000000', ['bearer', 'x']),
    );
  });
});
