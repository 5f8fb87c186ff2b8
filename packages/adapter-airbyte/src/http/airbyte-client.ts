/**
 * The public API as calls: authorized, retried when safe, paged. The gateway's operations are written on
 * top of this and never see fetch, headers or status codes.
 */
import { airbyteBadResponse, type AirbyteError, type Logger } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { PageCodec } from '../codecs/page.codec.js';
import { TokenResponse } from '../codecs/token.codec.js';
import type { ResolvedGatewayOptions } from '../gateway/airbyte-gateway-options.js';
import { describeRequest, isIdempotent, type AirbyteRequest, type Attempt } from './airbyte-request.js';
import { makeSendOnce } from './airbyte-transport.js';
import { makeAuthorizer } from './authorizer.js';
import { withRetries, type RetryDeps } from './retry.js';
import { makeSemaphore, type Semaphore } from './semaphore.js';
import { makeSharedWalks } from './shared-walks.js';

export interface AirbyteClient {
  /** One authorized attempt (a 401 with client credentials is retried once with a fresh token). */
  readonly send: <A>(request: AirbyteRequest<A>) => Promise<Attempt<A>>;
  /** `send`, retried on transient failures when the method is idempotent. */
  readonly call: <A>(request: AirbyteRequest<A>) => Promise<E.Either<AirbyteError, A>>;
  /**
   * Every item of a list endpoint, page by page with limit/offset, until a short page. Concurrent walks
   * of one list are shared as far as that is safe (shared-walks.ts).
   */
  readonly listAll: <C extends t.Mixed>(
    template: string,
    item: C,
    query: ReadonlyArray<readonly [string, string]>,
  ) => Promise<E.Either<AirbyteError, ReadonlyArray<t.TypeOf<C>>>>;
  readonly retryDeps: RetryDeps;
  readonly semaphore: Semaphore;
  /** The same client (permits, token, shared walks) writing its log lines through `logger`. */
  readonly withLogger: (logger: Logger) => AirbyteClient;
}

export const makeAirbyteClient = (options: ResolvedGatewayOptions): AirbyteClient => {
  const semaphore = makeSemaphore(options.maxConcurrentCalls);
  const sendOnce = makeSendOnce(options, semaphore);
  const retryDeps: RetryDeps = options;

  const auth = options.auth;
  const tokenRequest: AirbyteRequest<TokenResponse> | undefined =
    auth.type === 'clientCredentials'
      ? {
          method: 'POST',
          template: '/applications/token',
          // The spec's ApplicationTokenRequestWithGrant requires `grant_type` but declares the property as
          // `grant-type`, which is what Airbyte's own docs send: both are sent so either reading accepts it.
          body: {
            client_id: auth.clientId,
            client_secret: auth.clientSecret,
            grant_type: 'client_credentials',
            'grant-type': 'client_credentials',
          },
          codec: TokenResponse,
          secrets: [auth.clientSecret],
        }
      : undefined;
  // asking for a token has no side effect, so it is retried like a read
  const fetchToken = () =>
    tokenRequest === undefined
      ? Promise.resolve(E.left(airbyteBadResponse('no token endpoint without client credentials')))
      : withRetries(retryDeps, describeRequest(tokenRequest), () =>
          sendOnce(tokenRequest, undefined, options.logger),
        );
  const authorizer = makeAuthorizer(auth, fetchToken, options.now);

  // one set of walks for every view: concurrent lookups share them whoever logs
  const walks = makeSharedWalks();

  const build = (logger: Logger): AirbyteClient => {
    const retries: RetryDeps = { ...retryDeps, logger };
    const send = async <A>(request: AirbyteRequest<A>): Promise<Attempt<A>> => {
      const header = await authorizer.authorization();
      if (E.isLeft(header)) return { _tag: 'Failed', error: header.left, retryable: false };
      const first = await sendOnce(request, header.right, logger);
      if (first._tag === 'Ok' || first.status !== 401 || !authorizer.canRefresh) return first;
      logger.info({ call: describeRequest(request) }, 'Airbyte refused the access token; fetching a new one');
      const fresh = await authorizer.authorization(header.right);
      if (E.isLeft(fresh)) return { _tag: 'Failed', error: fresh.left, retryable: false };
      return sendOnce(request, fresh.right, logger);
    };

    const call = <A>(request: AirbyteRequest<A>): Promise<E.Either<AirbyteError, A>> =>
      isIdempotent(request.method)
        ? withRetries(retries, describeRequest(request), () => send(request))
        : send(request).then((r) => (r._tag === 'Ok' ? E.right(r.value) : E.left(r.error)));

    const walkPages = async <C extends t.Mixed>(
      template: string,
      item: C,
      query: ReadonlyArray<readonly [string, string]>,
      sent: () => void,
    ): Promise<E.Either<AirbyteError, ReadonlyArray<t.TypeOf<C>>>> => {
      const codec = PageCodec(item);
      const all: Array<t.TypeOf<C>> = [];
      let previousPage = '';
      for (let offset = 0; ; offset += options.pageSize) {
        const result = await call({
          method: 'GET',
          template,
          query: [...query, ['limit', String(options.pageSize)], ['offset', String(offset)]],
          codec,
          onSend: sent,
        });
        if (E.isLeft(result)) return result;
        const page = result.right.data;
        // an Airbyte (or proxy) that ignores `offset` would answer the same full page forever
        const fingerprint = JSON.stringify(page);
        if (page.length > 0 && fingerprint === previousPage)
          return E.left(
            airbyteBadResponse(
              `GET ${template}: offset ${offset} answered the same page again; Airbyte ignores offset`,
            ),
          );
        previousPage = fingerprint;
        all.push(...page);
        if (page.length < options.pageSize) return E.right(all);
      }
    };

    const listAll = <C extends t.Mixed>(
      template: string,
      item: C,
      query: ReadonlyArray<readonly [string, string]>,
    ): Promise<E.Either<AirbyteError, ReadonlyArray<t.TypeOf<C>>>> =>
      walks.walk(JSON.stringify([template, query]), (sent) => walkPages(template, item, query, sent));

    return { send, call, listAll, retryDeps: retries, semaphore, withLogger: build };
  };
  return build(options.logger);
};
