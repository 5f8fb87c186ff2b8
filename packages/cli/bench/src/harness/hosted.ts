/** What the deploy figures share: a ready provisioner host per build, and components no one deployed yet. */
import type { Build } from './build.js';
import { distinctComponent } from './descriptors.js';
import { startProvisionerHost, type ProvisionerHost } from './provisioner-host.js';
import type { HostAirbyte, Timed } from './provisioner-host-protocol.js';
import { exampleDescriptorText } from './requests.js';
import type { SandboxChild } from './sandbox-child.js';

export interface ReadyHost {
  readonly host: ProvisionerHost;
  /** The bound on Airbyte calls in flight the host's gateway applies. */
  readonly bound: number;
}

/** A host that already holds a token (as a running server does: tokens live for minutes). */
export const readyHost = async (build: Build, airbyte: HostAirbyte): Promise<ReadyHost> => {
  const host = await startProvisionerHost(build, airbyte);
  try {
    return { host, bound: await host.call('ready', null) };
  } catch (error) {
    await host.stop();
    throw error;
  }
};

export const sandboxAirbyte = (sandbox: SandboxChild, maxConcurrentCalls?: number): HostAirbyte => ({
  kind: 'sandbox',
  url: sandbox.url,
  workspaceId: sandbox.workspaceId,
  credentials: sandbox.credentials,
  ...(maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls }),
});

let components = 0;

/** `count` variants of the example, each a component (and Airbyte names) nobody deployed in this run. */
export const freshComponents = (count: number): string[] => {
  const example = exampleDescriptorText();
  return Array.from({ length: count }, () => distinctComponent(example, `-bench-${(components += 1)}`));
};

/** The time of operations that all succeeded; a failure stops the figure, since it would be what is timed. */
export const succeeded = (what: string, timed: Timed): number => {
  if (timed.failures.length > 0) {
    throw new Error(`${what}: ${timed.failures.length} failed, the first with ${timed.failures[0]}`);
  }
  return timed.ms;
};
