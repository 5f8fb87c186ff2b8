/**
 * The Airbyte sandbox in a process of its own, the way a real Airbyte is on another host: the client under
 * test does not share its CPU. The parent drives it over IPC (call log, latency).
 */
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import type { SandboxReply, SandboxRequest } from '../harness/sandbox-protocol.js';

const send = (reply: SandboxReply): void => {
  process.send?.(reply);
};

const start = async (): Promise<AirbyteSandbox> => {
  try {
    return await startAirbyteSandbox({ latencyMs: Number(process.env['SANDBOX_LATENCY_MS'] ?? '0') });
  } catch (error) {
    // the parent reports why, instead of a bare exit code
    const reply: SandboxReply = {
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    };
    // exit only once the message is out, or the parent would see a bare exit code
    await new Promise<void>((resolve) => {
      if (process.send === undefined) resolve();
      else process.send(reply, undefined, undefined, () => resolve());
    });
    process.exit(1);
  }
};
const sandbox = await start();

send({
  type: 'ready',
  url: sandbox.url,
  workspaceId: sandbox.workspaceId,
  credentials: { clientId: sandbox.credentials.clientId, clientSecret: sandbox.credentials.clientSecret },
});

process.on('message', (message: SandboxRequest) => {
  switch (message.type) {
    case 'calls':
      send({ type: 'calls', id: message.id, calls: sandbox.calls() });
      return;
    case 'clearCalls':
      sandbox.clearCalls();
      send({ type: 'done', id: message.id });
      return;
    case 'setLatency':
      sandbox.setLatency(message.ms);
      send({ type: 'done', id: message.id });
      return;
    case 'stats':
      send({ type: 'stats', id: message.id, maxConcurrentRequests: sandbox.maxConcurrentRequests() });
      return;
    case 'close':
      void sandbox.close().then(() => process.exit(0));
      return;
  }
});
process.on('disconnect', () => {
  void sandbox.close().then(() => process.exit(0));
});
