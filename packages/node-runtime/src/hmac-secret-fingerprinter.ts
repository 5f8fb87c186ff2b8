/**
 * Secret fingerprints as HMAC-SHA256 under a key of ours: stored in `privateInfo` and in task records,
 * they let a re-deploy see whether a secret changed without keeping it, and without the fingerprint being
 * a plain hash that could be brute-forced from a guessed password.
 *
 * The key must stay the same across restarts, or every secret looks changed once (one harmless update per
 * component). Give a key of your own, or derive one from values that are stable and secret (the Airbyte
 * workspace id and credentials: rotating those credentials then also rotates the key).
 */
import { createHash, createHmac } from 'node:crypto';
import type { SecretFingerprinter } from '@airbyte-provisioner/core';

const DERIVATION_LABEL = 'airbyte-provisioner/secret-fingerprint-key/v1';

/** Length-prefixed, so that ["ab", "c"] and ["a", "bc"] never fingerprint alike. */
const framed = (parts: ReadonlyArray<string>): string => parts.map((p) => `${p.length}:${p}`).join('');

/** A key from the workspace id and the credentials' parts (each part framed: no two splits collide). */
export const deriveFingerprintKey = (workspaceId: string, credentials: ReadonlyArray<string>): string =>
  createHash('sha256')
    .update(framed([DERIVATION_LABEL, workspaceId, ...credentials]))
    .digest('hex');

export const makeHmacSecretFingerprinter = (key: string): SecretFingerprinter => ({
  fingerprint: (secretValues) =>
    `hmac-sha256:${createHmac('sha256', key).update(framed(secretValues)).digest('hex')}`,
});
