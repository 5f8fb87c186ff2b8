/**
 * One HTTP exchange with Airbyte: bounded by the semaphore and a per-call timeout (which also covers
 * reading the body), reported to metrics, decoded with io-ts right away, and classified by the error
 * table. Never throws: every outcome is an Attempt.
 */
import {
  airbyteBadResponse,
  formatProblem,
  problemsFromErrors,
  type Logger,
} from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type { AirbyteCallOutcome, ResolvedGatewayOptions } from '../gateway/airbyte-gateway-options.js';
import {
  concretePath,
  describeRequest,
  NoContent,
  ok,
  type AirbyteRequest,
  type Attempt,
} from './airbyte-request.js';
import { parseRetryAfter } from './backoff.js';
import { errorFromStatus, isRetryableStatus, networkError, timeoutError } from './error-table.js';
import { problemDetail } from './problem-detail.js';
import { scrub } from './redact.js';
import type { Semaphore } from './semaphore.js';

export type SendOnce = <A>(
  request: AirbyteRequest<A>,
  authorization: string | undefined,
  logger: Logger,
) => Promise<Attempt<A>>;

type Answer = { readonly status: number; readonly text: string; readonly retryAfter: string | null };
type Exchange =
  | ({ readonly _tag: 'Answered' } & Answer)
  | { readonly _tag: 'Timeout' }
  | { readonly _tag: 'Network'; readonly cause: string };

// node:http puts the useful part (ECONNRESET, ECONNREFUSED...) in `code`; fetch reports "fetch failed"
// and hides it in `cause`
const causeOf = (error: unknown): string => {
  const text = (value: unknown, key: 'code' | 'message'): string | undefined => {
    const field =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return typeof field === 'string' && field !== '' ? field : undefined;
  };
  const cause =
    typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return (
    text(cause, 'code') ??
    text(cause, 'message') ??
    text(error, 'code') ??
    text(error, 'message') ??
    String(error)
  );
};

const buildUrl = <A>(baseUrl: string, request: AirbyteRequest<A>): string => {
  const query = new URLSearchParams(request.query?.map(([k, v]): [string, string] => [k, v])).toString();
  return `${baseUrl}${concretePath(request.template, request.params)}${query === '' ? '' : `?${query}`}`;
};

const headersFor = <A>(
  request: AirbyteRequest<A>,
  authorization: string | undefined,
): Record<string, string> => ({
  accept: 'application/json',
  ...(authorization === undefined ? {} : { authorization }),
  ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
});

export const makeSendOnce = (options: ResolvedGatewayOptions, semaphore: Semaphore): SendOnce => {
  const exchange = async <A>(
    request: AirbyteRequest<A>,
    authorization: string | undefined,
  ): Promise<Exchange> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? options.timeoutMs);
    try {
      request.onSend?.();
      const answer = await options.exchange(buildUrl(options.baseUrl, request), {
        method: request.method,
        headers: headersFor(request, authorization),
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: controller.signal,
      });
      return {
        _tag: 'Answered',
        status: answer.status,
        text: answer.text,
        retryAfter: answer.header('retry-after'),
      };
    } catch (error) {
      return controller.signal.aborted ? { _tag: 'Timeout' } : { _tag: 'Network', cause: causeOf(error) };
    } finally {
      clearTimeout(timer);
    }
  };

  const report = <A>(
    logger: Logger,
    request: AirbyteRequest<A>,
    durationMs: number,
    outcome: AirbyteCallOutcome,
    status?: number,
  ) => {
    const event = { method: request.method, path: request.template, durationMs, outcome };
    const withStatus = status === undefined ? event : { ...event, status };
    options.onCall(withStatus);
    logger.debug(withStatus, 'airbyte call');
  };

  const interpret = <A>(
    logger: Logger,
    request: AirbyteRequest<A>,
    answer: Answer,
    durationMs: number,
  ): Attempt<A> => {
    const what = describeRequest(request);
    const { status, text } = answer;
    if (status < 200 || status >= 300) {
      report(logger, request, durationMs, 'error', status);
      // scrubbed inside, before the detail is cut to length
      const detail = problemDetail(text, request.secrets ?? []);
      const retryable = isRetryableStatus(status);
      const retryAfterMs = retryable ? parseRetryAfter(answer.retryAfter, options.now()) : undefined;
      return {
        _tag: 'Failed',
        error: errorFromStatus(status, what, detail),
        status,
        retryable,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    const bad = (why: string): Attempt<A> => {
      report(logger, request, durationMs, 'error', status);
      const error = airbyteBadResponse(`${what}: unexpected answer from Airbyte: ${why}`);
      return { _tag: 'Failed', error, status, retryable: false };
    };
    let body: unknown = undefined;
    if (request.codec !== NoContent) {
      try {
        body = JSON.parse(text);
      } catch {
        return bad(`the body is not JSON (${text.length} characters)`);
      }
    }
    const decoded = request.codec.decode(body);
    // the problems quote short values of the answer, which may echo a secret we sent
    if (E.isLeft(decoded))
      return bad(
        scrub(problemsFromErrors(decoded.left).map(formatProblem).join('; '), request.secrets ?? []),
      );
    report(logger, request, durationMs, 'ok', status);
    return ok(decoded.right);
  };

  return (request, authorization, logger) =>
    semaphore.withPermit(async () => {
      const started = options.now();
      const result = await exchange(request, authorization);
      const durationMs = options.now() - started;
      const what = describeRequest(request);
      switch (result._tag) {
        case 'Timeout':
          report(logger, request, durationMs, 'timeout');
          return {
            _tag: 'Failed',
            error: timeoutError(what, request.timeoutMs ?? options.timeoutMs),
            retryable: true,
          };
        case 'Network':
          report(logger, request, durationMs, 'network');
          return { _tag: 'Failed', error: networkError(what, result.cause), retryable: true };
        case 'Answered':
          return interpret(logger, request, result, durationMs);
      }
    });
};
