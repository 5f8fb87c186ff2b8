/** The sandbox's public shapes: options, call log entries, faults, and the running handle. */
import type { Logger, SyncMode } from '@airbyte-provisioner/core';

export interface AirbyteSandboxOptions {
  /** Port to listen on; 0 or absent picks a free one. */
  readonly port?: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Delay added before every answer, in ms (default 0). */
  readonly latencyMs?: number;
  /** Id of the workspace the default credentials can reach (default: a fixed sandbox id). */
  readonly workspaceId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Lifetime of issued access tokens, in seconds (default 180, the 3 minutes Airbyte documents). */
  readonly tokenTtlSeconds?: number;
  /** Accept HTTP basic auth with these credentials too (older self-managed installs). */
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Path prefix of the public API (default `/api/public/v1`, as self-managed Airbyte serves it). */
  readonly basePath?: string;
  /**
   * A job is `pending` when created and `running` from its first read on; it ends after this many
   * `GET /jobs/{id}` polls (default 1).
   */
  readonly jobPollsToSucceed?: number;
  /** A job also ends this long after it started, in ms, polled or not (default 500). */
  readonly jobDurationMs?: number;
  /** Users of the organization, by email (`sandbox --user`). */
  readonly users?: ReadonlyArray<string>;
  /** Groups of the organization, by name. */
  readonly groups?: ReadonlyArray<string>;
  /** false: no /users, /permissions, /groups (404), as an edition without role-based access (`--no-rbac`). */
  readonly rbac?: boolean;
  /** The organization the workspace belongs to (default all zeros, as a self-managed install's). */
  readonly organizationId?: string;
  readonly logger?: Logger;
}

/** One HTTP exchange, in the order the sandbox received them. */
export interface SandboxCall {
  readonly method: string;
  /** Path below the base path, without the query: `/sources/{id}`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | ReadonlyArray<string>>>;
  /** Status sent; 0 when the connection was dropped; absent while the call is still in flight. */
  readonly status?: number;
  /** Epoch ms when the request arrived (same as startedAt). */
  readonly at: number;
  readonly startedAt: number;
  /** Epoch ms when the answer was sent or the socket dropped. */
  readonly finishedAt?: number;
  /** Name of the fault that shaped this call, if any. */
  readonly fault?: SandboxFaultAction['type'];
}

/** How a job ends when it does not succeed (a `job` fault picks it). */
export type JobOutcome = 'failed' | 'cancelled' | 'incomplete';

export type SandboxFaultAction =
  | {
      readonly type: 'status';
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly type: 'delay'; readonly ms: number }
  | { readonly type: 'drop' }
  | { readonly type: 'malformed' }
  /**
   * On `POST /jobs`: the call answers as usual, and the job it starts ends `failed`, `cancelled` or
   * `incomplete` instead of succeeding.
   */
  | { readonly type: 'job'; readonly ends: JobOutcome }
  /**
   * The connector fails while Airbyte runs it (discovery on `GET /streams` or a connection create): the
   * server's 500 `unexpected-problem` with "Something went wrong in the connector. logs:<message>".
   */
  | { readonly type: 'connectorFailure'; readonly message?: string };

export interface SandboxFaultMatch {
  readonly method?: string;
  /** Path below the base path without query; a string must equal it, a RegExp must match it. */
  readonly path?: string | RegExp;
  /** The fault starts at the nth matching call (1-based, default 1). */
  readonly nth?: number;
  /** How many consecutive matching calls it affects from there (default 1; Infinity for all). */
  readonly times?: number;
}

export interface SandboxFault {
  readonly match: SandboxFaultMatch;
  readonly action: SandboxFaultAction;
  /**
   * `before` (default): the handler never runs, so nothing is written. `after`: the handler runs and its
   * write stays, but the answer is replaced, delayed or lost (a create whose response timed out).
   */
  readonly when?: 'before' | 'after';
}

export interface SandboxStream {
  readonly name: string;
  /**
   * Connection sync modes; the sandbox reads from them which source modes the stream supports
   * (`full_refresh`, `incremental`) and combines those with the destination's modes, as the server does.
   */
  readonly syncModes: ReadonlyArray<SyncMode>;
  readonly namespace?: string;
  readonly defaultCursorField?: ReadonlyArray<string>;
  /** The source decides the cursor (default: when it has a default cursor field). */
  readonly sourceDefinedCursor?: boolean;
  readonly sourceDefinedPrimaryKey?: ReadonlyArray<ReadonlyArray<string>>;
  readonly propertyFields?: ReadonlyArray<ReadonlyArray<string>>;
}

export interface SandboxSnapshot {
  /** Live workspaces: id, name and organization. */
  readonly workspaces: ReadonlyArray<{
    readonly workspaceId: string;
    readonly name: string;
    readonly organizationId: string;
  }>;
  readonly sources: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly destinations: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly connections: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly jobs: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

export interface SandboxWorkspaceAccess {
  readonly workspaceId: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
}

export interface AirbyteSandbox {
  /** Base URL of the public API, e.g. `http://127.0.0.1:54321/api/public/v1`. */
  readonly url: string;
  readonly workspaceId: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  readonly calls: () => ReadonlyArray<SandboxCall>;
  readonly clearCalls: () => void;
  readonly inject: (fault: SandboxFault) => void;
  readonly clearFaults: () => void;
  readonly setLatency: (ms: number) => void;
  /**
   * Ends every wait in progress now (injected delays, latency): those calls go on at once. A test holds
   * calls in flight with a long `delay` fault, changes the world around them, then lets them go on.
   */
  readonly releaseDelays: () => void;
  /** The catalog `GET /streams` discovers for one source (any connector type, File included). */
  readonly setCatalog: (sourceId: string, streams: ReadonlyArray<SandboxStream>) => void;
  /** The catalog discovered for every source of a connector type (e.g. `postgres`) without its own. */
  readonly setCatalogForType: (sourceType: string, streams: ReadonlyArray<SandboxStream>) => void;
  /** Every live resource as the API would return it (secrets masked), for assertions. */
  readonly snapshot: () => SandboxSnapshot;
  /** Another workspace with its own credentials, which can reach only that workspace. */
  readonly addWorkspace: (name?: string) => SandboxWorkspaceAccess;
  /**
   * Ends a running job as Airbyte would (a sync that failed, one cancelled in the UI, one that succeeded),
   * or marks it `incomplete` (an attempt failed; Airbyte tries again, and a later call may end it);
   * with `jobPollsToSucceed`/`jobDurationMs` at Infinity, jobs run until a test ends them this way.
   * False when no such job is running or incomplete.
   */
  readonly finishJob: (jobId: number, status: 'succeeded' | 'failed' | 'cancelled' | 'incomplete') => boolean;
  /**
   * What a running job has committed so far (the public API's `rowsSynced`/`bytesSynced`, read from the
   * last attempt's stats); false when no such job is running.
   */
  readonly reportJobProgress: (
    jobId: number,
    progress: { readonly rowsSynced: number; readonly bytesSynced: number },
  ) => boolean;
  readonly organizationId: string;
  /** Adds a user (returns its id) or a group of the organization. */
  readonly addUser: (email: string) => string;
  readonly addGroup: (name: string) => string;
  /** Every permission held, users' and groups', for assertions. */
  readonly permissions: () => ReadonlyArray<SandboxPermission>;
  /** Changes a permission's role as a person in the UI would. */
  readonly setPermissionType: (permissionId: string, permissionType: string) => void;
  /** Invalidate every issued access token (the next call with one answers 401). */
  readonly revokeTokens: () => void;
  /** Peak number of requests in flight at once since start (or since clearCalls). */
  readonly maxConcurrentRequests: () => number;
  readonly close: () => Promise<void>;
}

export interface SandboxPermission {
  readonly permissionId: string;
  readonly permissionType: string;
  readonly userId?: string;
  readonly groupId?: string;
  readonly workspaceId?: string;
  readonly organizationId?: string;
}
