/**
 * A deterministic fingerprint (FNV-1a, 32 bits) for tests. NOT secure: unkeyed and trivially reversible
 * by brute force; production binds an HMAC.
 */
import type { SecretFingerprinter } from '../ports/secret-fingerprinter.port.js';

const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
};

export const fakeFingerprinter: SecretFingerprinter = {
  fingerprint: (values) => `fake-fp:${fnv1a(values.join('\u0000'))}`,
};
