/** Starts a provisioner host (src/hosts/provisioner-host.ts) for one build. */
import type { Build } from './build.js';
import { startHost, type Host } from './host.js';
import type { HostAirbyte, HostCommands, HostConfig } from './provisioner-host-protocol.js';

export type ProvisionerHost = Host<HostCommands>;

export const startProvisionerHost = (build: Build, airbyte: HostAirbyte): Promise<ProvisionerHost> => {
  const config: HostConfig = { root: build.root, airbyte };
  return startHost<HostCommands>('hosts/provisioner-host.js', [JSON.stringify(config)]);
};
