/**
 * The `Authorization` header for each call. With client credentials the access token is fetched once,
 * shared by concurrent callers (one token request in flight at a time), and replaced shortly before it
 * expires, or at once when Airbyte refuses it. The token never reaches a log line.
 */
import type { AirbyteError } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type { AirbyteAuth } from '../gateway/airbyte-gateway-options.js';
import type { TokenResponse } from '../codecs/token.codec.js';

export interface Authorizer {
  /** The header to send; `refused` is the header Airbyte just answered 401 to, so it must not be reused. */
  readonly authorization: (refused?: string) => Promise<E.Either<AirbyteError, string | undefined>>;
  /** Whether asking again after a 401 can give a different header. */
  readonly canRefresh: boolean;
}

// Airbyte documents access tokens valid for 3 minutes; used when an older install omits expires_in
export const DEFAULT_TOKEN_LIFETIME_S = 180;
// renew a quarter of the lifetime early (at most a minute), so a token never expires mid-request
const renewalMargin = (lifetimeMs: number): number => Math.min(60_000, lifetimeMs / 4);

const fixed = (header: string | undefined): Authorizer => ({
  authorization: () => Promise.resolve(E.right(header)),
  canRefresh: false,
});

export const makeAuthorizer = (
  auth: AirbyteAuth,
  fetchToken: () => Promise<E.Either<AirbyteError, TokenResponse>>,
  now: () => number,
): Authorizer => {
  switch (auth.type) {
    case 'none':
      return fixed(undefined);
    case 'bearer':
      return fixed(`Bearer ${auth.token}`);
    case 'basic':
      return fixed(`Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`);
    case 'clientCredentials':
      return tokenAuthorizer(fetchToken, now);
  }
};

const tokenAuthorizer = (
  fetchToken: () => Promise<E.Either<AirbyteError, TokenResponse>>,
  now: () => number,
): Authorizer => {
  let cached: { readonly header: string; readonly renewAt: number } | undefined;
  let inFlight: Promise<E.Either<AirbyteError, string>> | undefined;

  const renew = (): Promise<E.Either<AirbyteError, string>> => {
    inFlight ??= fetchToken().then((result) => {
      inFlight = undefined;
      if (E.isLeft(result)) return result;
      const lifetimeMs = (result.right.expires_in ?? DEFAULT_TOKEN_LIFETIME_S) * 1000;
      const header = `Bearer ${result.right.access_token}`;
      cached = { header, renewAt: now() + lifetimeMs - renewalMargin(lifetimeMs) };
      return E.right(header);
    });
    return inFlight;
  };

  return {
    authorization: (refused) =>
      cached !== undefined && cached.header !== refused && now() < cached.renewAt
        ? Promise.resolve(E.right(cached.header))
        : renew(),
    canRefresh: true,
  };
};
