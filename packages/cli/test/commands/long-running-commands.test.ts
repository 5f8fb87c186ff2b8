/**
 * `sandbox` and `serve` in-process, over stand-in collaborators: what they print, and that SIGINT/SIGTERM
 * end them with exit code 0 after closing what they started. (Signals are emitted to this process's
 * listeners only; nothing is actually sent.)
 */
import 'reflect-metadata';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { standInUseCases } from '../support/stand-in-use-cases.js';
import { createMetrics } from '@airbyte-provisioner/adapter-http';
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { createServer, type Server } from 'node:net';
import type { Collaborators, HttpApp } from '../../src/collaborators/collaborators.js';
import { runCli } from '../../src/commands/program.js';
import { memoryIo, type MemoryIo } from '../support/memory-io.js';

interface Seen {
  sandboxOptions: unknown[];
  closed: string[];
}

const collaborators = (seen: Seen): Collaborators => ({
  parseRequestFile: () => E.left([]),
  makeUseCases: (deps) => {
    return standInUseCases(deps);
  },
  createMetrics,
  createHttpApp: () => ({}) as HttpApp,
  startHttpServer: (_app, options) =>
    Promise.resolve({
      url: `http://${options.host}:${options.port}`,
      close: () => {
        seen.closed.push('http');
        return Promise.resolve();
      },
    }),
  startAirbyteSandbox: (options) => {
    seen.sandboxOptions.push(options);
    return Promise.resolve({
      url: 'http://127.0.0.1:4242/api/public/v1',
      workspaceId: '11111111-2222-4333-8444-555555555555',
      credentials: { clientId: 'sandbox-id', clientSecret: 'sandbox-secret' },
      close: () => {
        seen.closed.push('sandbox');
        return Promise.resolve();
      },
    });
  },
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const untilOutput = async (io: MemoryIo, pattern: RegExp): Promise<void> => {
  for (let i = 0; i < 200 && !pattern.test(io.out() + io.err()); i++) await sleep(5);
};

describe('sandbox and serve commands (in-process)', () => {
  it('sandbox: prints its URL and credentials as env to export, and stops on SIGINT with 0', async () => {
    const seen: Seen = { sandboxOptions: [], closed: [] };
    const io = memoryIo({});
    const running = runCli(['sandbox', '--port', '4242', '--latency-ms', '20'], io, collaborators(seen));
    await untilOutput(io, /Ctrl-C/);
    expect(io.out()).to.contain('export AIRBYTE_API_URL=http://127.0.0.1:4242/api/public/v1');
    expect(io.out()).to.contain('export AIRBYTE_CLIENT_SECRET=sandbox-secret');
    expect(seen.sandboxOptions).to.deep.equal([{ host: '127.0.0.1', port: 4242, latencyMs: 20 }]);
    process.emit('SIGINT');
    expect(await running).to.equal(0);
    expect(seen.closed).to.deep.equal(['sandbox']);
  });

  it('sandbox --user (repeatable) seeds users; --no-rbac asks for an edition without access routes', async () => {
    const seen: Seen = { sandboxOptions: [], closed: [] };
    const io = memoryIo({});
    const running = runCli(
      ['sandbox', '--user', 'ann@example.com', '--user', 'bob@example.com', '--no-rbac'],
      io,
      collaborators(seen),
    );
    await untilOutput(io, /Ctrl-C/);
    expect(seen.sandboxOptions).to.deep.equal([
      { host: '127.0.0.1', users: ['ann@example.com', 'bob@example.com'], rbac: false },
    ]);
    process.emit('SIGINT');
    expect(await running).to.equal(0);
  });

  it('sandbox --json: one JSON line', async () => {
    const seen: Seen = { sandboxOptions: [], closed: [] };
    const io = memoryIo({});
    const running = runCli(['sandbox', '--json'], io, collaborators(seen));
    await untilOutput(io, /\n/);
    expect(JSON.parse(io.out())).to.deep.equal({
      url: 'http://127.0.0.1:4242/api/public/v1',
      workspaceId: '11111111-2222-4333-8444-555555555555',
      clientId: 'sandbox-id',
      clientSecret: 'sandbox-secret',
    });
    process.emit('SIGTERM');
    expect(await running).to.equal(0);
  });

  it('sandbox: refuses a port that is not a number with 1', async () => {
    const io = memoryIo({});
    expect(
      await runCli(['sandbox', '--port', 'eighty'], io, collaborators({ sandboxOptions: [], closed: [] })),
    ).to.equal(1);
    expect(io.err()).to.contain('expected a whole number');
  });

  it('sandbox: when the port is taken, says so, stops listening for signals and exits 2, as serve does', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const io = memoryIo({});
      const real: Collaborators = {
        ...collaborators({ sandboxOptions: [], closed: [] }),
        startAirbyteSandbox,
      };
      const listeners = { term: process.listenerCount('SIGTERM'), int: process.listenerCount('SIGINT') };
      expect(await runCli(['sandbox', '--port', String(port)], io, real)).to.equal(2);
      expect(io.err()).to.contain(
        `Cannot start the sandbox: listen EADDRINUSE: address already in use 127.0.0.1:${port}`,
      );
      expect(io.out()).to.equal('');
      expect(process.listenerCount('SIGTERM')).to.equal(listeners.term);
      expect(process.listenerCount('SIGINT')).to.equal(listeners.int);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('serve --sandbox: runs on the embedded sandbox until SIGTERM, then closes both and exits 0', async () => {
    const seen: Seen = { sandboxOptions: [], closed: [] };
    const io = memoryIo({ LOG_LEVEL: 'silent', PORT: '0', SHUTDOWN_GRACE_MS: '100' });
    const running = runCli(['serve', '--sandbox', '--sandbox-latency-ms', '5'], io, collaborators(seen));
    for (let i = 0; i < 200 && seen.sandboxOptions.length === 0; i++) await sleep(5);
    await sleep(20);
    expect(seen.sandboxOptions).to.deep.equal([{ host: '127.0.0.1', latencyMs: 5 }]);
    process.emit('SIGTERM');
    expect(await running).to.equal(0);
    expect(seen.closed).to.deep.equal(['http', 'sandbox']);
  });

  it('serve --sandbox: a sandbox that fails to close does not turn the shutdown into a failure', async () => {
    const seen: Seen = { sandboxOptions: [], closed: [] };
    const io = memoryIo({ LOG_LEVEL: 'silent', PORT: '0', SHUTDOWN_GRACE_MS: '100' });
    const base = collaborators(seen);
    const failing: Collaborators = {
      ...base,
      startAirbyteSandbox: async (options) => ({
        ...(await base.startAirbyteSandbox(options)),
        close: () => Promise.reject(new Error('the sandbox would not close')),
      }),
    };
    const running = runCli(['serve', '--sandbox'], io, failing);
    for (let i = 0; i < 200 && seen.sandboxOptions.length === 0; i++) await sleep(5);
    await sleep(20);
    process.emit('SIGTERM');
    expect(await running).to.equal(0);
    expect(seen.closed).to.deep.equal(['http']);
  });

  it('serve: ends the process once the grace period is over with work still running, and only then', async () => {
    for (const hangs of [true, false]) {
      const seen: Seen = { sandboxOptions: [], closed: [] };
      const exits: number[] = [];
      const io = {
        ...memoryIo({ LOG_LEVEL: 'silent', PORT: '0', SHUTDOWN_GRACE_MS: '30' }),
        exit: (code: number) => exits.push(code),
      };
      let release = (): void => {};
      const started: Collaborators = {
        ...collaborators(seen),
        makeUseCases: (deps) => {
          if (hangs) deps.background.spawn(() => new Promise<void>((resolve) => (release = resolve)));
          return standInUseCases(deps);
        },
      };
      const running = runCli(['serve', '--sandbox'], io, started);
      for (let i = 0; i < 200 && seen.sandboxOptions.length === 0; i++) await sleep(5);
      await sleep(20);
      process.emit('SIGTERM');
      expect(await running).to.equal(0);
      expect(exits, `hangs: ${hangs}`).to.deep.equal(hangs ? [0] : []);
      release();
    }
  });

  it('serve --sandbox: when the port is taken, closes the sandbox, stops listening for signals and exits 2', async () => {
    const seen: Seen = { sandboxOptions: [], closed: [] };
    const io = memoryIo({ LOG_LEVEL: 'silent', PORT: '8093' });
    const taken: Collaborators = {
      ...collaborators(seen),
      startHttpServer: () =>
        Promise.reject(new Error('listen EADDRINUSE: address already in use 0.0.0.0:8093')),
    };
    const listeners = process.listenerCount('SIGTERM');
    expect(await runCli(['serve', '--sandbox'], io, taken)).to.equal(2);
    expect(io.err()).to.contain('Cannot start: listen EADDRINUSE');
    expect(seen.closed).to.deep.equal(['sandbox']);
    expect(process.listenerCount('SIGTERM')).to.equal(listeners);
  });

  it('serve: without Airbyte and without --sandbox, explains both ways and exits 1', async () => {
    const seen: Seen = { sandboxOptions: [], closed: [] };
    const io = memoryIo({ LOG_LEVEL: 'silent' });
    expect(await runCli(['serve'], io, collaborators(seen))).to.equal(1);
    expect(io.err()).to.contain('AIRBYTE_API_URL').and.to.contain('airbyte-provisioner serve --sandbox');
    expect(seen.sandboxOptions).to.deep.equal([]);
  });
});
