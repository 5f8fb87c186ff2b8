/** Task tokens from the OS's CSPRNG: 122 random bits, so a token cannot be guessed to read another's status. */
import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@airbyte-provisioner/core';

export const randomUuidIdGenerator: IdGenerator = { next: () => randomUUID() };
