/** Messages between the bench and the sandbox child (src/servers/sandbox.ts). */

/** One HTTP exchange the sandbox served, as its call log reports it. */
export interface SandboxCall {
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly [key: string]: unknown;
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
