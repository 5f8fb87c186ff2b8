/**
 * Per-key mutual exclusion by promise chaining: each holder of a key runs after the previous one settles.
 * A key's entry is dropped as soon as its last holder is done, so idle keys cost nothing. No timers.
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { Lock } from '../ports/lock.port.js';

export class InMemoryLock implements Lock {
  private readonly tails = new Map<string, Promise<void>>();

  /** Keys with a holder running or waiting. */
  readonly activeKeys = (): number => this.tails.size;

  readonly withLock =
    <E, A>(key: string, work: TaskEither<E, A>): TaskEither<E, A> =>
    () => {
      const previous = this.tails.get(key) ?? Promise.resolve();
      const run = previous.then(work);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      this.tails.set(key, tail);
      void tail.then(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
      return run;
    };
}
