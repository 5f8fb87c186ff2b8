/**
 * The fingerprint of an actor's secrets: each secret path with its value, so that moving a value from
 * one field to another changes it too. No secret field, no fingerprint.
 */
import type { DesiredActor } from '../domain/desired-state.js';
import type { SecretFingerprinter } from '../ports/secret-fingerprinter.port.js';
import { valueAt } from './configuration-diff.js';

export const secretFingerprint =
  (fingerprinter: SecretFingerprinter) =>
  (actor: DesiredActor): string | undefined =>
    actor.secretPaths.length === 0
      ? undefined
      : fingerprinter.fingerprint(
          [...actor.secretPaths]
            .sort()
            .map((path) => `${path}=${JSON.stringify(valueAt(actor.configuration, path) ?? null)}`),
        );
