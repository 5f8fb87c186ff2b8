/**
 * The one table from Airbyte's answers to the core's error union, and which of them are worth retrying.
 * Retryable means the request surely or probably did not take effect and may succeed later: network
 * failures, timeouts, 429 and the gateway statuses 502/503/504. A 500 is reported as unavailable but not
 * retried, since Airbyte may have half-applied the request.
 */
import {
  airbyteConflict,
  airbyteNotFound,
  airbyteRejected,
  airbyteUnauthorized,
  airbyteUnavailable,
  type AirbyteError,
} from '@airbyte-provisioner/core';

export const errorFromStatus = (status: number, what: string, detail: string | undefined): AirbyteError => {
  const said = detail === undefined ? '' : `: ${detail}`;
  if (status === 404) return airbyteNotFound(`${what} not found (404)${said}`);
  if (status === 409) return airbyteConflict(`${what} conflicts with the state of Airbyte (409)${said}`);
  if (status === 401)
    return airbyteUnauthorized(
      status,
      `${what} was refused: Airbyte did not accept our credentials (401)${said}`,
    );
  // a 403 is valid credentials without access: most often a workspace this application cannot see
  if (status === 403)
    return airbyteUnauthorized(
      status,
      `${what} was refused: our credentials do not give access to it (403)${said}`,
    );
  if (status === 429) return airbyteUnavailable(`${what}: Airbyte is rate limiting us (429)${said}`);
  if (status >= 500) return airbyteUnavailable(`${what}: Airbyte is unavailable (${status})${said}`);
  // 400, 422 and any other client error: Airbyte refused what we sent
  return airbyteRejected(status, `${what} was rejected by Airbyte (${status})${said}`);
};

export const isRetryableStatus = (status: number): boolean =>
  status === 429 || status === 502 || status === 503 || status === 504;

export const timeoutError = (what: string, timeoutMs: number): AirbyteError =>
  airbyteUnavailable(`${what}: Airbyte did not answer within ${timeoutMs} ms`);

export const networkError = (what: string, cause: string): AirbyteError =>
  airbyteUnavailable(`${what}: could not reach Airbyte (${cause})`);
