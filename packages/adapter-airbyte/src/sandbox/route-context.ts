/** What a route receives: the state, who calls, the path parameters, the query and the parsed body. */
import type { SandboxReply } from './sandbox-reply.js';
import type { SandboxState } from './sandbox-state.js';
import type { JobOutcome } from './sandbox.types.js';

export interface RouteContext {
  readonly state: SandboxState;
  /** Workspaces the caller's credentials reach. */
  readonly access: ReadonlySet<string>;
  /** Lets the caller reach a workspace it just created (as Airbyte makes its creator able to). */
  readonly grant?: (workspaceId: string) => void;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** Absolute URL of the API base, for pagination links. */
  readonly baseUrl: string;
  readonly path: string;
  /** How a job started by this request ends, when a `job` fault says so. */
  readonly jobEnds?: JobOutcome;
}

export type RouteHandler = (context: RouteContext) => SandboxReply;
