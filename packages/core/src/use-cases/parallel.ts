import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';

type Results<R> = { readonly [K in keyof R]: R[K] extends TaskEither<unknown, infer A> ? A : never };
type Errors<R> = { readonly [K in keyof R]: R[K] extends TaskEither<infer E, unknown> ? E : never }[keyof R];

/**
 * Runs every task of a record at once, all started in the same tick and in key order (fp-ts's
 * `sequenceS(ApplyPar)` staggers them, last key first). All run to the end, so a success beside a
 * failure is still recorded; the first failure in key order is the answer.
 */
export const parallel =
  <R extends Readonly<Record<string, TaskEither<unknown, unknown>>>>(
    tasks: R,
  ): TaskEither<Errors<R>, Results<R>> =>
  async () => {
    const keys = Object.keys(tasks);
    const results = await Promise.all(keys.map((k) => tasks[k]!()));
    const failed = results.find(E.isLeft);
    if (failed !== undefined) return failed as E.Left<Errors<R>>;
    return E.right(
      Object.fromEntries(keys.map((k, i) => [k, (results[i] as E.Right<unknown>).right])) as Results<R>,
    );
  };
