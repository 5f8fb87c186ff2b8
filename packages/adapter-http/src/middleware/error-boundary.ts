/**
 * Nothing a client sends may become a 500: body-parser errors turn into 400 or 413 with the
 * RequestValidationError shape; anything else thrown is a bug, logged and answered as a SystemError
 * that leaks nothing of the internals.
 */
import type { Middleware } from 'koa';
import { requestValidationError } from '../error-response.js';
import type { RequestState } from './request-context.js';

const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number' ? e.status : undefined;

export const errorBoundary =
  (bodyLimitBytes: number): Middleware<RequestState> =>
  async (ctx, next) => {
    try {
      await next();
    } catch (e) {
      const status = statusOf(e);
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
          [{ path: '', message: 'the request body is not valid JSON' }],
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
