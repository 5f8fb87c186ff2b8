/**
 * The three services `createCoreDeps` cannot default inside the core (it reads no clock and draws no
 * randomness), as Node provides them: `createCoreDeps({ gateway, workspaceId, ...nodePlatform() })`.
 */
import { randomBytes } from 'node:crypto';
import type { CoreDeps } from '@airbyte-provisioner/core';
import { makeHmacSecretFingerprinter } from './hmac-secret-fingerprinter.js';
import { randomUuidIdGenerator } from './random-uuid-id-generator.js';
import { systemClock } from './system-clock.js';

export interface NodePlatformOptions {
  /**
   * The secret fingerprint key. Without one, a random key is drawn for this process: safe, but after a
   * restart every secret looks changed once (one harmless update per component). Set one (or
   * `deriveFingerprintKey`) to keep fingerprints stable across restarts.
   */
  readonly fingerprintKey?: string | undefined;
}

export const nodePlatform = (
  options: NodePlatformOptions = {},
): Pick<CoreDeps, 'clock' | 'ids' | 'fingerprinter'> => ({
  clock: systemClock,
  ids: randomUuidIdGenerator,
  fingerprinter: makeHmacSecretFingerprinter(options.fingerprintKey ?? randomBytes(32).toString('hex')),
});
