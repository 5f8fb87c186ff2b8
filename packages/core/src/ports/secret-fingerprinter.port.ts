import { portToken } from './port-token.js';

/**
 * A keyed, one-way fingerprint of secret values (an HMAC in production). Airbyte masks secrets on read,
 * so this is how a re-deploy knows whether a secret changed without ever storing it.
 */
export interface SecretFingerprinter {
  readonly fingerprint: (secretValues: ReadonlyArray<string>) => string;
}

export const SecretFingerprinterToken = portToken<SecretFingerprinter>('SecretFingerprinter');
