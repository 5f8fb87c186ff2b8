/** Small helpers every route uses: decode the JSON body with a core codec, answer an error. */
import {
  decodeWith,
  problemPositions,
  type Problem,
  type ProvisioningError,
  type ProvisioningRequest,
} from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { Router, RouterContext } from '@koa/router';
import { errorResponse, requestValidationError } from '../error-response.js';
import type { RequestState } from '../middleware/request-context.js';

export type Ctx = RouterContext<RequestState>;
export type AppRouter = Router<RequestState>;

export const sendError = (ctx: Ctx, error: ProvisioningError): void => {
  const { status, body } = errorResponse(error);
  ctx.status = status;
  ctx.body = body;
};

/**
 * How a route hands out a task token, as its spec says: the 2.2.0 provision routes answer the bare token
 * as `text/plain`; the legacy routes and `/v2/validate` declare a JSON string (`"<token>"`).
 */
export type TokenEncoding = 'text' | 'json';

export const sendToken = (ctx: Ctx, token: string, encoding: TokenEncoding): void => {
  ctx.status = 202;
  ctx.type = encoding === 'text' ? 'text/plain' : 'application/json';
  ctx.body = encoding === 'text' ? token : JSON.stringify(token);
};

/** The `:token` of a status route; a client that kept the JSON quotes of a token still finds its task. */
export const tokenParam = (ctx: Ctx): string => {
  const raw = ctx.params['token'] ?? '';
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
};

/** What clients send, checked as text first; anything else goes through Koa's full media type parsing. */
const isJson = (ctx: Ctx): boolean => {
  const type = ctx.get('Content-Type');
  return (
    type === 'application/json' || type.startsWith('application/json;') || Boolean(ctx.is('application/json'))
  );
};

/** The body decoded with `codec`, or a 400 already answered (wrong content type, missing or ill-typed fields). */
export const decodeBody = <A>(ctx: Ctx, codec: t.Type<A, unknown, unknown>): E.Either<void, A> => {
  if (!isJson(ctx)) {
    ctx.status = 400;
    ctx.body = requestValidationError(
      [
        {
          path: '',
          message: `Content-Type must be application/json, got ${JSON.stringify(ctx.get('Content-Type') || 'none')}`,
        },
      ],
      'The request body must be JSON.',
      ['Send the request as JSON with Content-Type: application/json.'],
    );
    return E.left(undefined);
  }
  const decoded = decodeWith(codec)((ctx.request as { body?: unknown }).body);
  if (E.isLeft(decoded)) {
    ctx.status = 400;
    ctx.body = requestValidationError(decoded.left, 'The request does not have the expected fields.', [
      'Fix the fields listed in problems and send the request again.',
    ]);
    return E.left(undefined);
  }
  return decoded;
};

/**
 * The problems of a descriptor with where they are in it, `(descriptor line L, column C)` after the
 * message: the path stays what a program reads, the position is for the person who edits the YAML.
 */
export const locateProblems = (
  problems: ReadonlyArray<Problem>,
  request: ProvisioningRequest,
): ReadonlyArray<Problem> => {
  const positions = problemPositions(request.descriptor, problems);
  return problems.map((p, i) => {
    const at = positions[i];
    return at === undefined || / at line \d+, column \d+/.test(p.message)
      ? p
      : { ...p, message: `${p.message} (descriptor line ${at.line}, column ${at.column})` };
  });
};

/** `error` with its descriptor problems located, when it is about the descriptor. */
export const locateError = (error: ProvisioningError, request: ProvisioningRequest): ProvisioningError =>
  error._tag === 'InvalidRequest' ? { ...error, problems: locateProblems(error.problems, request) } : error;
