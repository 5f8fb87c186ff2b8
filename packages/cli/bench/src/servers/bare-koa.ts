/**
 * The baseline server: Koa and koa-bodyparser (the versions adapter-http ships) and nothing else. It
 * echoes a JSON body back and answers `/health`, so a ratio against it measures what our routes, decoding,
 * validation and logging cost on top of the framework.
 */
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';

const app = new Koa();
app.use(bodyParser({ jsonLimit: '10mb' }));
app.use((ctx) => {
  if (ctx.method === 'GET' && ctx.path === '/health') {
    ctx.body = { status: 'UP' };
    return;
  }
  ctx.body = ctx.request.body;
});

const port = Number(process.env['PORT'] ?? '0');
const host = process.env['HOST'] ?? '127.0.0.1';
const server = app.listen(port, host);
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
