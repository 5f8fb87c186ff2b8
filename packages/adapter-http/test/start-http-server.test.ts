import { request } from 'node:http';
import { connect } from 'node:net';
import { expect } from 'chai';
import * as T from 'fp-ts/lib/Task.js';
import { pino } from 'pino';
import type { UseCases } from '@airbyte-provisioner/core';
import { createHttpApp, startHttpServer } from '../src/index.js';
import { exampleRequest } from './support/requests.js';

const slowValidate = (release: Promise<void>): Partial<UseCases> => ({
  validate: () => async () => {
    await release;
    return { valid: true };
  },
});

const appWith = (useCases: Partial<UseCases>) =>
  createHttpApp({
    useCases: useCases as UseCases,
    provisionMode: 'async',
    logger: pino({ level: 'silent' }),
  });

describe('startHttpServer', () => {
  it('listens on the given host and an ephemeral port, and gives its URL', async () => {
    const running = await startHttpServer(appWith({}), { port: 0, host: '127.0.0.1' });
    try {
      expect(running.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${running.url}/health`)).status).to.equal(200);
    } finally {
      await running.close();
    }
  });

  it('close lets a request in flight finish, then frees the port', async () => {
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const running = await startHttpServer(appWith(slowValidate(released)), { port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${running.url}/v1/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(exampleRequest()),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = running.close();
    release();
    const answer = await inFlight;
    expect(answer.status).to.equal(200);
    expect(await answer.json()).to.deep.equal({ valid: true });
    const answered = Date.now();
    await closed;
    // not held open until the 5 s keep-alive timeout of the socket that carried the answer
    expect(Date.now() - answered).to.be.lessThan(2_000);
    const refused = await new Promise<string>((resolve) => {
      request(`${running.url}/health`)
        .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
        .on('response', () => resolve('answered'))
        .end();
    });
    expect(refused).to.equal('ECONNREFUSED');
  });

  it('close does not wait for idle keep-alive connections', async () => {
    const running = await startHttpServer(appWith({ validate: () => T.of({ valid: true }) }), {
      port: 0,
      host: '127.0.0.1',
    });
    await fetch(`${running.url}/health`, { keepalive: true }).then((r) => r.text());
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).to.be.lessThan(2_000);
  });

  it('close waits for a client that sent half a request; closing again drops it at once', async () => {
    const running = await startHttpServer(appWith({}), { port: 0, host: '127.0.0.1' });
    const socket = connect(Number(new URL(running.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const dropped = new Promise((resolve) => socket.once('close', resolve));
    socket.write('POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le');
    await new Promise((resolve) => setTimeout(resolve, 50));
    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed, 'the half request is still being received').to.equal(false);
    await running.close();
    await closing;
    await dropped;
  });

  it('rejects when the port is taken', async () => {
    const first = await startHttpServer(appWith({}), { port: 0, host: '127.0.0.1' });
    try {
      const port = Number(new URL(first.url).port);
      let failure: unknown;
      await startHttpServer(appWith({}), { port, host: '127.0.0.1' }).catch((e: unknown) => (failure = e));
      expect((failure as NodeJS.ErrnoException | undefined)?.code).to.equal('EADDRINUSE');
    } finally {
      await first.close();
    }
  });
});
