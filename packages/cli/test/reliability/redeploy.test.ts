/**
 * Idempotency through the server, with the sandbox Airbyte behind it: the same deploy again writes
 * nothing, a changed one updates in place (the same ids), and only what changed is written.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { requestOf } from './descriptors.js';
import {
  airbyteEnv,
  LEGACY,
  pollStatus,
  send,
  startProvisioner,
  tokenOf,
  type Provisioner,
} from './harness.js';

const isWrite = (method: string): boolean => method !== 'GET';

describe('reliability: re-deploys through the server', function () {
  this.timeout(20_000);
  let sandbox: AirbyteSandbox;
  let p: Provisioner;

  before(async () => {
    sandbox = await startAirbyteSandbox({ jobDurationMs: 10 });
    p = await startProvisioner(airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials));
  });
  after(async () => {
    await p.close();
    await sandbox.close();
  });

  const provision = async (body: string) => {
    const accepted = await send(`${p.url}${LEGACY}/provision`, { body });
    expect(accepted.status, accepted.text).to.equal(202);
    const done = await pollStatus(p.url, tokenOf(accepted));
    expect(done.status, done.result).to.equal('COMPLETED');
  };
  const ids = () => {
    const snapshot = sandbox.snapshot();
    return {
      sources: snapshot.sources.map((s) => s['sourceId']),
      destinations: snapshot.destinations.map((d) => d['destinationId']),
      connections: snapshot.connections.map((c) => c['connectionId']),
    };
  };

  it('writes nothing for the same descriptor, and updates only the destination, in place, when its schema changes', async () => {
    await provision(requestOf({ key: 'again' }));
    const first = ids();
    expect([first.sources, first.destinations, first.connections].map((l) => l.length)).to.deep.equal([
      1, 1, 1,
    ]);

    sandbox.clearCalls();
    await provision(requestOf({ key: 'again' }));
    expect(sandbox.calls().filter((c) => isWrite(c.method))).to.deep.equal([]);
    expect(sandbox.calls().length).to.be.at.most(3);

    sandbox.clearCalls();
    await provision(requestOf({ key: 'again', schema: 'CHANGED' }));
    const writes = sandbox.calls().filter((c) => isWrite(c.method));
    expect(writes.map((c) => c.method)).to.deep.equal(['PUT']);
    expect(writes[0]?.path).to.equal(`/destinations/${String(first.destinations[0])}`);
    expect(ids()).to.deep.equal(first);
    const destination = sandbox.snapshot().destinations[0] as { configuration: { schema: string } };
    expect(destination.configuration.schema).to.equal('CHANGED');
  });
});
