/**
 * A provisioner as the server runs it, minus HTTP, in a process of its own: one build's use cases over
 * its gateway (HTTP to the sandbox, or the fake behind the port), driven by the bench over IPC. Each build
 * of a comparison gets its own host, so both run the same bench code on their own core.
 * Usage: forked with one argument, a HostConfig as JSON.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { AirbyteGateway } from '@airbyte-provisioner/core';
import { loadFakeGateway, loadHttpGateway, loadUseCases } from '../harness/build-modules.js';
import type { HostConfig, HostCommands, Timed } from '../harness/provisioner-host-protocol.js';
import { serveRpc } from '../harness/rpc.js';
import { sleep, timedGateway, type TimedGateway } from '../harness/timed-gateway.js';

const config = JSON.parse(process.argv[2] ?? '{}') as HostConfig;
const FAKE_WORKSPACE = 'bench-workspace';

interface Airbyte {
  readonly gateway: AirbyteGateway;
  readonly workspaceId: string;
  readonly bound: number;
  readonly timed?: TimedGateway;
  /** One call with no work around it. */
  readonly bareCall: () => Promise<void>;
}

const connect = async (): Promise<Airbyte> => {
  const airbyte = config.airbyte;
  if (airbyte.kind === 'fake') {
    const bound = airbyte.bound ?? Number.POSITIVE_INFINITY;
    const timed = timedGateway(await loadFakeGateway(config.root, FAKE_WORKSPACE), airbyte.latencyMs, bound);
    return {
      gateway: timed.gateway,
      workspaceId: FAKE_WORKSPACE,
      bound,
      timed,
      bareCall: () => sleep(airbyte.latencyMs),
    };
  }
  const http = await loadHttpGateway(config.root, { baseUrl: airbyte.url, ...airbyte });
  // the sandbox delays every request, even one it has no route for
  const bareUrl = `${new URL(airbyte.url).origin}/bench-bare-call`;
  return {
    gateway: http.gateway,
    workspaceId: airbyte.workspaceId,
    bound: http.maxConcurrentCalls,
    bareCall: async () => {
      await (await fetch(bareUrl)).arrayBuffer();
    },
  };
};

const airbyte = await connect();
const useCases = await loadUseCases(config.root, airbyte.gateway, airbyte.workspaceId);

const request = (descriptor: string) => ({ descriptorKind: 'COMPONENT_DESCRIPTOR' as const, descriptor });

const timedAll = async (
  operation: typeof useCases.provision,
  descriptors: ReadonlyArray<string>,
): Promise<Timed> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcomes = await Promise.all(descriptors.map((descriptor) => operation(request(descriptor))()));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const failures = outcomes.filter(E.isLeft).map((outcome) => JSON.stringify(outcome.left).slice(0, 500));
  return { ms, cpuMs: (used.user + used.system) / 1000, failures };
};

serveRpc<HostCommands>({
  ready: async () => {
    const outcome = await useCases.checkReady()();
    if (E.isLeft(outcome)) throw new Error(`readiness check failed: ${JSON.stringify(outcome.left)}`);
    return airbyte.bound;
  },
  provision: (descriptors) => timedAll(useCases.provision, descriptors),
  unprovision: (descriptors) => timedAll(useCases.unprovision, descriptors),
  chain: async (calls) => {
    const started = performance.now();
    for (let i = 0; i < calls; i += 1) await airbyte.bareCall();
    return performance.now() - started;
  },
  calls: () => Promise.resolve(airbyte.timed?.calls() ?? []),
  clearCalls: () => {
    airbyte.timed?.clearCalls();
    return Promise.resolve(null);
  },
});
process.send?.({ ready: true });
