/**
 * Nothing a client sends may become a 500: body-parser errors turn into 400 or 413 with the
 * RequestValidationError shape; anything else thrown is a bug, logged and answered as a SystemError
 * that leaks nothing of the internals.
 */
import type { IncomingMessage } from 'node:http';
import type { Middleware } from 'koa';
import { requestValidationError } from '../error-response.js';
import type { RequestState } from './request-context.js';

const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number' ? e.status : undefined;

/** raw-body's error types, in the client's terms; the parser's own message may quote the body, so it is not used. */
const unreadableBody = (e: unknown, status: number): string => {
  const type = typeof e === 'object' && e !== null && 'type' in e ? e.type : undefined;
  // inflation throws an untyped 415 for an unknown Content-Encoding
  switch (status === 415 ? 'encoding.unsupported' : type) {
    case 'encoding.unsupported':
      return 'the request body has a Content-Encoding this provisioner does not read (use identity, gzip, deflate or br)';
    case 'request.aborted':
      return 'the request body ended before its announced length';
    case 'request.size.invalid':
      return 'the request body does not have the length its Content-Length announced';
    default:
      return 'the request body is not valid JSON (a JSON object is expected)';
  }
};

// a client sending more than this after its body was refused is cut off
const DISCARD_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The parser gave up on the body before its end (too large, unreadable): the rest is read and dropped
 * before answering. Answered early, Node closes the connection while the client is still sending, and a
 * socket closed with unread bytes is reset: the client sees ECONNRESET instead of the answer. A client
 * sending more than DISCARD_MAX_BYTES after that is cut off.
 */
const discardRestOfBody = (req: IncomingMessage): Promise<void> =>
  new Promise((done) => {
    if (req.complete || req.destroyed) return done();
    req.unpipe();
    let discarded = 0;
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_MAX_BYTES) req.destroy();
    });
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });

export const errorBoundary =
  (bodyLimitBytes: number): Middleware<RequestState> =>
  async (ctx, next) => {
    try {
      await next();
    } catch (e) {
      const status = statusOf(e);
      if (status !== undefined && status >= 400 && status < 500) await discardRestOfBody(ctx.req);
      if (status === 413) {
        ctx.status = 413;
        ctx.body = requestValidationError(
          [{ path: '', message: `the request body is larger than ${bodyLimitBytes} bytes` }],
          'The request body is too large.',
          ['Send a smaller descriptor, or ask the operator to raise BODY_LIMIT_BYTES.'],
        );
      } else if (status !== undefined && status >= 400 && status < 500) {
        ctx.status = 400;
        ctx.body = requestValidationError(
          [{ path: '', message: unreadableBody(e, status) }],
          'The request body could not be read as JSON.',
          ['Send a JSON object with Content-Type: application/json.'],
        );
      } else {
        ctx.state.log.error(
          { err: e instanceof Error ? { name: e.name, message: e.message } : 'unknown' },
          'unexpected error',
        );
        ctx.status = 500;
        const message = 'The provisioner hit an unexpected error; the request can be sent again.';
        ctx.body = {
          error: message,
          userMessage: message,
          moreInfo: { problems: [message], solutions: ['Report this to the platform team if it persists.'] },
        };
      }
    }
  };
