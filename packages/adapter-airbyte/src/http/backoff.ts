/**
 * When to try again: exponential backoff with full jitter (a uniformly random delay up to the exponential
 * cap, so many clients that failed together do not retry together), or what Airbyte asked for in
 * `Retry-After`.
 */
export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Delay before retry number `retry` (1 for the first retry). */
export const fullJitterDelay = (policy: BackoffPolicy, retry: number, random: () => number): number => {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
};

/**
 * `Retry-After` in milliseconds: either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Unparseable or
 * absent gives undefined; a date in the past gives 0.
 */
export const parseRetryAfter = (value: string | null, now: number): number | undefined => {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // an HTTP-date always names a weekday and month; Date.parse would take "-5" as a year
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};
