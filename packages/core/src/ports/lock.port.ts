import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { portToken } from './port-token.js';

/**
 * Mutual exclusion per key (a component id): `withLock(key, work)` runs `work` only once every earlier
 * holder of the same key has finished; different keys never wait for each other. A lock kept outside the
 * process (a lease in a database) can fail to be taken; `unavailable` turns that failure into the work's
 * own error type. Every caller passes it, so a lock that cannot be taken is always an answer, never a
 * throw (a lock that cannot fail never calls it).
 */
export interface Lock {
  readonly withLock: <E, A>(
    key: string,
    work: TaskEither<E, A>,
    unavailable: (error: ProvisioningError) => E,
  ) => TaskEither<E, A>;
}

export const LockToken = portToken<Lock>('Lock');
