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

// Airbyte's clock and ours may disagree: a match created up to this long before our call still counts
export const CLOCK_SKEW_MS = 10 * 60_000;

// `createdAt` is epoch seconds in Airbyte's answers; a value this large can only be milliseconds
const toMillis = (createdAt: number): number => (createdAt < 1e11 ? createdAt * 1000 : createdAt);

/** What Airbyte answers for a resource: the resource, and `createdAt` in epoch seconds if it said. */
export interface Listed<R> {
  readonly resource: R;
  readonly createdAt?: number | undefined;
}

const isNewer =
  (startedAt: number) =>
  (candidate: Listed<unknown>): boolean =>
    candidate.createdAt === undefined || toMillis(candidate.createdAt) >= startedAt - CLOCK_SKEW_MS;

/** A create as `createOnce` sends it: `lookup` lists what this create would have made (name, connector…). */
export interface CreateCall<A, R> {
  readonly label: string;
  readonly post: () => Promise<Attempt<A>>;
  readonly lookup: () => Promise<E.Either<AirbyteError, ReadonlyArray<A>>>;
  readonly read: (answer: A) => Listed<R>;
}

const mayLandLater = (status: number | undefined): boolean => status === undefined || status >= 500;

/**
 * The resource created; `doubtfulSince` (when the create began) is set if an attempt whose answer was lost
 * may still land beside it, so the core can look for a late copy.
 */
export const createOnce = async <A, R extends { readonly id: string; readonly doubtfulSince?: number }>(
  deps: RetryDeps & { readonly now: () => number },
  call: CreateCall<A, R>,
): Promise<E.Either<AirbyteError, R>> => {
  const startedAt = deps.now();
  // set once an attempt may still be performed although the lookup after it found nothing
  let doubtfulSince: number | undefined;
  // whichever attempt the answer comes from, an earlier doubtful one may still land beside it
  const answer = (resource: R): E.Either<AirbyteError, R> =>
    E.right(doubtfulSince === undefined ? resource : { ...resource, doubtfulSince });
  for (let attempt = 1; ; attempt += 1) {
    const result = await call.post();
    if (result._tag === 'Ok') return answer(call.read(result.value).resource);
    const delay = retryDelay(deps, result, attempt);
    if (delay === undefined) return E.left(result.error);
    await pause(deps, call.label, result.error, attempt, delay);
    const found = await call.lookup();
    if (E.isLeft(found)) return found;
    const ours = found.right.map(call.read).filter(isNewer(startedAt));
    const [only, ...others] = ours;
    if (only !== undefined && others.length === 0) {
      deps.logger.info(
        { call: call.label, id: only.resource.id },
        'the create went through although its answer was lost',
      );
      return answer(only.resource);
    }
    // a timeout, a lost connection or a gateway error: Airbyte may hold the attempt and perform it later;
    // a 429 or another refusal was not performed
    if (only === undefined && mayLandLater(result.status)) doubtfulSince ??= startedAt;
    if (only !== undefined)
      return E.left(
        airbyteConflict(
          `${call.label}: the answer was lost and ${ours.length} matching resources appeared since (ids: ${ours
            .map((c) => c.resource.id)
            .join(', ')}); not creating another: delete all but one in Airbyte, then deploy again`,
        ),
      );
  }
};
