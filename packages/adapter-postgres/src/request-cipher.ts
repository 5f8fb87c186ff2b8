/**
 * The requests kept for crash takeover carry secrets (connector configurations), so they are stored
 * sealed with AES-256-GCM: a key derived from `STATE_ENCRYPTION_KEY` with HKDF, a fresh 96-bit IV per
 * request, and the task token as additional data (a sealed request moved to another task does not open).
 * Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface RequestCipher {
  readonly seal: (token: string, plaintext: string) => Buffer;
  /** The plaintext, or undefined when the bytes were not sealed for this token with this key. */
  readonly open: (token: string, sealed: Buffer) => string | undefined;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const makeRequestCipher = (secret: string): RequestCipher => {
  const key = Buffer.from(
    hkdfSync('sha256', secret, 'airbyte-provisioner', 'stored requests for crash takeover', 32),
  );
  return {
    seal: (token, plaintext) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(token, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open: (token, sealed) => {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
        decipher.setAAD(Buffer.from(token, 'utf8'));
        decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
};
