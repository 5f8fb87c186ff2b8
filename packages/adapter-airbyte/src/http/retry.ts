/**
 * Retrying what is safe to retry. Only a failure marked retryable (network, timeout, 429, 502/503/504) is
 * tried again, up to `maxAttempts` in all. A `Retry-After` longer than the longest delay we are willing to
 * wait ends the retries: the caller gets the error rather than a silently stalled request.
 */
import type { Logger } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type { AirbyteError } from '@airbyte-provisioner/core';
import type { AirbyteRetryOptions } from '../gateway/airbyte-gateway-options.js';
import type { Attempt } from './airbyte-request.js';
import { fullJitterDelay } from './backoff.js';

export interface RetryDeps {
  readonly retry: Required<AirbyteRetryOptions>;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly logger: Logger;
}

/** Delay before trying again after failed attempt number `attempt` (1-based), or undefined to stop. */
export const retryDelay = <A>(deps: RetryDeps, failed: Attempt<A>, attempt: number): number | undefined => {
  if (failed._tag === 'Ok' || !failed.retryable || attempt >= deps.retry.maxAttempts) return undefined;
  if (failed.retryAfterMs !== undefined)
    return failed.retryAfterMs <= deps.retry.maxDelayMs ? failed.retryAfterMs : undefined;
  return fullJitterDelay(deps.retry, attempt, deps.random);
};

/** Waits before the next attempt, saying why in the log (the error text holds no secret). */
export const pause = async (
  deps: RetryDeps,
  label: string,
  error: AirbyteError,
  attempt: number,
  delayMs: number,
) => {
  deps.logger.warn(
    { call: label, attempt, delayMs, error: error._tag },
    `Airbyte call failed, retrying: ${error.detail}`,
  );
  await deps.sleep(delayMs);
};

export const withRetries = async <A>(
  deps: RetryDeps,
  label: string,
  attemptOnce: () => Promise<Attempt<A>>,
): Promise<E.Either<AirbyteError, A>> => {
  for (let attempt = 1; ; attempt += 1) {
    const result = await attemptOnce();
    if (result._tag === 'Ok') return E.right(result.value);
    const delay = retryDelay(deps, result, attempt);
    if (delay === undefined) return E.left(result.error);
    await pause(deps, label, result.error, attempt, delay);
  }
};
