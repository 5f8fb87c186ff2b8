/**
 * Secret fingerprints as HMAC-SHA256 under a key of ours: stored in `privateInfo` and in task records,
 * they let a re-deploy see whether a secret changed without keeping it, and without the fingerprint being
 * a plain hash that could be brute-forced from a guessed password.
 *
 * The key must stay the same across restarts, or every secret looks changed once (one harmless update per
 * component). `SECRET_FINGERPRINT_KEY` sets it; by default it is derived from the Airbyte workspace id and
 * credentials, which are stable and secret, so rotating those credentials also rotates the key.
 */
import { createHash, createHmac } from 'node:crypto';
import type { SecretFingerprinter } from '@airbyte-provisioner/core';
import type { AirbyteAuth } from '@airbyte-provisioner/adapter-airbyte';

const DERIVATION_LABEL = 'airbyte-provisioner/secret-fingerprint-key/v1';

const credentialMaterial = (auth: AirbyteAuth): ReadonlyArray<string> => {
  switch (auth.type) {
    case 'clientCredentials':
      return [auth.type, auth.clientId, auth.clientSecret];
    case 'bearer':
      return [auth.type, auth.token];
    case 'basic':
      return [auth.type, auth.username, auth.password];
    case 'none':
      return [auth.type];
  }
};

/** Length-prefixed, so that ["ab", "c"] and ["a", "bc"] never fingerprint alike. */
const framed = (parts: ReadonlyArray<string>): string => parts.map((p) => `${p.length}:${p}`).join('');

export const deriveFingerprintKey = (workspaceId: string, auth: AirbyteAuth): string =>
  createHash('sha256')
    .update(framed([DERIVATION_LABEL, workspaceId, ...credentialMaterial(auth)]))
    .digest('hex');

export const makeHmacSecretFingerprinter = (key: string): SecretFingerprinter => ({
  fingerprint: (secretValues) =>
    `hmac-sha256:${createHmac('sha256', key).update(framed(secretValues)).digest('hex')}`,
});
