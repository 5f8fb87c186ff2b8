/**
 * The documented exit codes of the failures a person meets first, as child processes: 1 for input that is
 * wrong (an invalid descriptor), 2 for Airbyte or the system failing (Airbyte unreachable, the port taken).
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:net';
import { example, runCliChild, startCliChild } from '../support/child-cli.js';
import { resettingPort } from '../support/free-port.js';

const WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';

let airbytePort: Awaited<ReturnType<typeof resettingPort>>;

/** Airbyte configured at a port that resets every connection, with short timeouts so the retries end quickly. */
const unreachableAirbyte = (): Record<string, string> => ({
  AIRBYTE_API_URL: `http://127.0.0.1:${airbytePort.port}/api/public/v1`,
  AIRBYTE_WORKSPACE_ID: WORKSPACE,
  AIRBYTE_CLIENT_ID: 'client',
  AIRBYTE_CLIENT_SECRET: 'client-secret-value',
  AIRBYTE_TIMEOUT_MS: '500',
  LOG_LEVEL: 'silent',
});

const listening = (): Promise<{ server: Server; port: number }> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });

describe('exit codes of failures (child processes)', function () {
  before(async () => {
    airbytePort = await resettingPort();
  });
  after(() => airbytePort.close());

  this.timeout(30_000);

  for (const command of ['plan', 'unprovision']) {
    it(`${command}: exits 1 for an invalid descriptor, listing its problems, without calling Airbyte`, async () => {
      const run = await runCliChild([command, example('invalid.yaml')], { env: unreachableAirbyte() });
      expect(run.code, run.stderr).to.equal(1);
      expect(run.stderr).to.contain('source.name');
      // a removal needs only what finds the resources: a deploy's other problems do not block it
      if (command === 'plan') expect(run.stderr).to.contain('connection.status');
      else expect(run.stderr).to.contain('is required to find the source to remove');
      expect(run.stderr).not.to.contain('could not reach Airbyte');
    });

    it(`${command}: exits 2 when Airbyte cannot be reached, saying so`, async () => {
      const run = await runCliChild([command, example('file-to-snowflake.yaml'), '--json'], {
        env: unreachableAirbyte(),
      });
      expect(run.code, run.stderr).to.equal(2);
      const printed = JSON.parse(run.stdout) as { status: string; error: { error: { _tag: string } } };
      expect(printed.status).to.equal('FAILED');
      expect(printed.error.error._tag).to.equal('AirbyteUnavailable');
    });
  }

  for (const args of [['serve'], ['serve', '--sandbox']]) {
    it(`${args.join(' ')}: exits 2 when its port is taken, naming the address`, async () => {
      const taken = await listening();
      const child = startCliChild(args, {
        ...unreachableAirbyte(),
        PORT: String(taken.port),
        HOST: '127.0.0.1',
      });
      try {
        // a sandbox started before the failure must not keep the process alive
        const code = await Promise.race([
          child.exited,
          new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000)),
        ]);
        expect(code, child.output()).to.equal(2);
        expect(child.output()).to.contain('Cannot start: listen EADDRINUSE');
        expect(child.output()).to.contain(`127.0.0.1:${taken.port}`);
      } finally {
        child.kill();
        taken.server.close();
      }
    });
  }
});
