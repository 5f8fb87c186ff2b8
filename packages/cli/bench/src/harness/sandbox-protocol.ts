/** Messages between the bench and the sandbox child (src/servers/sandbox.ts). */

/** What the bench reads of one HTTP exchange the sandbox served (or one port call of the timed fake). */
export interface SandboxCall {
  readonly method: string;
  readonly path: string;
  readonly status?: number | undefined;
  /**
   * When the exchange started and ended: epoch ms from the sandbox child (comparable with the bench's
   * `Date.now()`), `performance.now()` of its own process from the timed fake.
   */
  readonly startedAt?: number | undefined;
  readonly finishedAt?: number | undefined;
}

export type SandboxRequest =
  | { readonly type: 'calls'; readonly id: number }
  | { readonly type: 'clearCalls'; readonly id: number }
  | { readonly type: 'setLatency'; readonly id: number; readonly ms: number }
  | { readonly type: 'stats'; readonly id: number }
  | { readonly type: 'close'; readonly id: number };

export type SandboxReply =
  | {
      readonly type: 'ready';
      readonly url: string;
      readonly workspaceId: string;
      readonly credentials: { readonly clientId: string; readonly clientSecret: string };
    }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'calls'; readonly id: number; readonly calls: ReadonlyArray<SandboxCall> }
  | { readonly type: 'stats'; readonly id: number; readonly maxConcurrentRequests: number }
  | { readonly type: 'done'; readonly id: number };
