/**
 * A create (POST) is not idempotent: when its answer is lost (timeout, reset, 429, 502/503/504) Airbyte may
 * or may not have created the resource. Before trying again we look for it by what our create would have
 * made (its name, and its connector, or its source and destination): exactly one match created since we
 * started means our create went through, and we answer it; several means we cannot tell which is ours, a
 * conflict; none means it is safe to send the create again.
 */
import { airbyteConflict, type AirbyteError } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type { Attempt } from '../http/airbyte-request.js';
import { pause, retryDelay, type RetryDeps } from '../http/retry.js';

export interface Created<A> {
  readonly value: A;
  readonly id: string;
  /** Epoch seconds or milliseconds, as Airbyte reports `createdAt`; absent if it did not say. */
  readonly createdAt?: number;
}

// Airbyte's clock and ours may disagree: a match created up to this long before our call still counts
export const CLOCK_SKEW_MS = 10 * 60_000;

// `createdAt` is epoch seconds in Airbyte's answers; a value this large can only be milliseconds
const toMillis = (createdAt: number): number => (createdAt < 1e11 ? createdAt * 1000 : createdAt);

const isNewer =
  <A>(startedAt: number) =>
  (candidate: Created<A>): boolean =>
    candidate.createdAt === undefined || toMillis(candidate.createdAt) >= startedAt - CLOCK_SKEW_MS;

/** The resource created, and when its create began if an attempt whose answer was lost may still land. */
export interface CreateOutcome<A> {
  readonly value: A;
  readonly doubtfulSince?: number;
}

const mayLandLater = (status: number | undefined): boolean => status === undefined || status >= 500;

export const createOnce = async <A>(
  deps: RetryDeps & { readonly now: () => number },
  label: string,
  post: () => Promise<Attempt<A>>,
  lookup: () => Promise<E.Either<AirbyteError, ReadonlyArray<Created<A>>>>,
): Promise<E.Either<AirbyteError, CreateOutcome<A>>> => {
  const startedAt = deps.now();
  // set once an attempt may still be performed although the lookup after it found nothing
  let doubtfulSince: number | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const result = await post();
    if (result._tag === 'Ok')
      return E.right(
        doubtfulSince === undefined ? { value: result.value } : { value: result.value, doubtfulSince },
      );
    const delay = retryDelay(deps, result, attempt);
    if (delay === undefined) return E.left(result.error);
    await pause(deps, label, result.error, attempt, delay);
    const found = await lookup();
    if (E.isLeft(found)) return found;
    const ours = found.right.filter(isNewer(startedAt));
    const [only, ...others] = ours;
    if (only !== undefined && others.length === 0) {
      deps.logger.info({ call: label, id: only.id }, 'the create went through although its answer was lost');
      return E.right({ value: only.value });
    }
    // a timeout, a lost connection or a gateway error: Airbyte may hold the attempt and perform it later;
    // a 429 or another refusal was not performed
    if (only === undefined && mayLandLater(result.status)) doubtfulSince ??= startedAt;
    if (only !== undefined)
      return E.left(
        airbyteConflict(
          `${label}: the answer was lost and ${ours.length} resources with this name appeared since (${ours
            .map((c) => c.id)
            .join(', ')}); not creating another`,
        ),
      );
  }
};
