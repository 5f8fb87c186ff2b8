/**
 * Liveness, readiness, metrics, and the OpenAPI document with a page that renders it (no CDN needed). The
 * document and the page are rendered on their first request, not at start-up (a tenth of the start time);
 * the page's module (and marked, which builds its grammar's regular expressions as it loads) is imported
 * then too.
 */
import * as E from 'fp-ts/lib/Either.js';
import { stringify } from 'yaml';
import type { HttpAppOptions } from '../http-app-options.js';
import { openApiDocument } from '../openapi/openapi-document.js';
import { describeError } from '../error-response.js';
import type { HttpMetrics } from '../metrics.js';
import type { AppRouter, Ctx } from './respond.js';

const once = (render: () => string): (() => string) => {
  let rendered: string | undefined;
  return () => (rendered ??= render());
};

// a failed render is not kept: the next request tries again
const onceAsync = (render: () => Promise<string>): (() => Promise<string>) => {
  let rendered: Promise<string> | undefined;
  return () =>
    (rendered ??= render().catch((error: unknown) => {
      rendered = undefined;
      throw error;
    }));
};

export const operationsRoutes = (router: AppRouter, options: HttpAppOptions, metrics: HttpMetrics): void => {
  const documentYaml = once(() => stringify(openApiDocument));
  const docsPage = onceAsync(async () =>
    (await import('../openapi/docs-page.js')).renderDocsPage(openApiDocument),
  );
  router.get('/health', (ctx: Ctx) => {
    ctx.body = { status: 'UP' };
  });
  router.get('/ready', async (ctx: Ctx) => {
    const [state, ready] = await Promise.all([options.stateReadiness?.(), options.useCases.checkReady()()]);
    const airbyteReason = E.isRight(ready) ? undefined : describeError(ready.left).message;
    // without a state store only Airbyte gates readiness, and the body says nothing of a store
    const reason =
      state === undefined
        ? airbyteReason
        : (state.reason ?? (state.airbyteGatesReadiness ? airbyteReason : undefined));
    ctx.status = reason === undefined ? 200 : 503;
    ctx.body = {
      status: reason === undefined ? 'READY' : 'NOT_READY',
      ...(reason === undefined ? {} : { reason }),
      ...(state === undefined
        ? {}
        : {
            state: state.store,
            airbyte: airbyteReason === undefined ? 'REACHABLE' : `UNREACHABLE: ${airbyteReason}`,
          }),
    };
  });
  router.get('/metrics', async (ctx: Ctx) => {
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
  router.get('/openapi.yaml', (ctx: Ctx) => {
    ctx.type = 'application/yaml';
    ctx.body = documentYaml();
  });
  router.get('/', (ctx: Ctx) => {
    ctx.redirect('/docs');
    ctx.type = 'text/plain';
    ctx.body = 'Redirecting to /docs';
  });
  router.get('/docs', async (ctx: Ctx) => {
    ctx.type = 'text/html';
    ctx.body = await docsPage();
  });
};
