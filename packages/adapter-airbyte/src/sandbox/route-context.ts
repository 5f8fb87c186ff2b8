/** What a route receives: the state, who calls, the path parameters, the query and the parsed body. */
import type { SandboxReply } from './sandbox-reply.js';
import type { SandboxState } from './sandbox-state.js';

export interface RouteContext {
  readonly state: SandboxState;
  /** Workspaces the caller's credentials reach. */
  readonly access: ReadonlySet<string>;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** Absolute URL of the API base, for pagination links. */
  readonly baseUrl: string;
  readonly path: string;
}

export type RouteHandler = (context: RouteContext) => SandboxReply;
