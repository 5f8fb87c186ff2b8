import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { portToken } from './port-token.js';

/**
 * Mutual exclusion per key (a component id): `withLock(key, work)` runs `work` only once every earlier
 * holder of the same key has finished; different keys never wait for each other.
 */
export interface Lock {
  readonly withLock: <E, A>(key: string, work: TaskEither<E, A>) => TaskEither<E, A>;
}

export const LockToken = portToken<Lock>('Lock');
