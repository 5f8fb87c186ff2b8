/** How the bench configures and calls a provisioner host (src/hosts/provisioner-host.ts). */
import type { SandboxCall } from './sandbox-protocol.js';

export type HostAirbyte =
  | {
      readonly kind: 'sandbox';
      readonly url: string;
      readonly workspaceId: string;
      readonly credentials: { readonly clientId: string; readonly clientSecret: string };
      readonly maxConcurrentCalls?: number;
    }
  /** The build's core/testing fake behind the port, each call delayed, at most `bound` in flight. */
  | { readonly kind: 'fake'; readonly latencyMs: number; readonly bound?: number };

export interface HostConfig {
  /** The build whose core and gateway the host runs. */
  readonly root: string;
  readonly airbyte: HostAirbyte;
}

export interface Timed {
  readonly ms: number;
  /** CPU time (user + system) the host's process spent meanwhile, in ms: the provisioner's own work. */
  readonly cpuMs: number;
  /** Operations that did not succeed, with why. */
  readonly failures: ReadonlyArray<string>;
}

export type HostCommands = {
  /** Fetches a token (or checks the fake workspace); answers the bound on Airbyte calls in flight. */
  readonly ready: readonly [null, number];
  /** Provisions every descriptor at once; times the lot. */
  readonly provision: readonly [ReadonlyArray<string>, Timed];
  readonly unprovision: readonly [ReadonlyArray<string>, Timed];
  /** Times `n` calls made one after another with no work between them: the floor of a chain of n. */
  readonly chain: readonly [number, number];
  /** The fake's call log (a sandbox host: empty; ask the sandbox). */
  readonly calls: readonly [null, ReadonlyArray<SandboxCall>];
  readonly clearCalls: readonly [null, null];
};
