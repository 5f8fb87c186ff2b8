import type { IO } from 'fp-ts/lib/IO.js';
import { portToken } from './port-token.js';

/** Unguessable identifiers for task tokens. */
export interface IdGenerator {
  readonly next: IO<string>;
}

export const IdGeneratorToken = portToken<IdGenerator>('IdGenerator');
