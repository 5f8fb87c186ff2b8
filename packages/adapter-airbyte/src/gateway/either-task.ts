/**
 * The two shapes every gateway here shares: a port method is an async operation that never throws, wrapped
 * as a TaskEither; and Airbyte's 404 read as an expected answer (gone when deleting, absent when reading).
 */
import type { AirbyteError } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';

export const task =
  <Args extends ReadonlyArray<unknown>, A>(run: (...args: Args) => Promise<E.Either<AirbyteError, A>>) =>
  (...args: Args): TE.TaskEither<AirbyteError, A> =>
  () =>
    run(...args);

/** The result, with Airbyte's 404 read as `value`. */
export const notFoundIs =
  <A>(value: A) =>
  (result: E.Either<AirbyteError, A>): E.Either<AirbyteError, A> =>
    E.isLeft(result) && result.left._tag === 'AirbyteNotFound' ? E.right(value) : result;
