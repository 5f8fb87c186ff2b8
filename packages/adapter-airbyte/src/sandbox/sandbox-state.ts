/**
 * Everything the sandbox holds in memory: workspaces, the applications (client credentials) that may reach
 * them, issued tokens, sources, destinations, connections, jobs and the catalogs discovery answers with.
 * Routes read and write it; the HTTP layer never does. Deleted resources stay as tombstones, as in Airbyte:
 * read by id they still answer, and `includeDeleted=true` lists them.
 */
import { createAccessState, type AccessState } from './access.routes.js';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ConnectorType } from './connector-types.js';
import type { Json, JsonRecord } from './secrets.js';
import type { JobOutcome, SandboxStream } from './sandbox.types.js';

export interface StoredActor {
  readonly id: string;
  readonly connector: ConnectorType;
  readonly workspaceId: string;
  name: string;
  configuration: JsonRecord;
  resourceAllocation?: Json;
  readonly createdAt: number;
  deleted: boolean;
}

export interface StoredConnection {
  readonly connectionId: string;
  readonly sourceId: string;
  readonly destinationId: string;
  readonly workspaceId: string;
  name: string;
  status: string;
  schedule: JsonRecord;
  namespaceDefinition: string;
  namespaceFormat?: string;
  prefix: string;
  nonBreakingSchemaUpdatesBehavior: string;
  streams: ReadonlyArray<JsonRecord>;
  tags: ReadonlyArray<Json>;
  readonly createdAt: number;
  deleted: boolean;
}

export interface StoredJob {
  readonly jobId: number;
  readonly connectionId: string;
  readonly workspaceId: string;
  readonly jobType: string;
  status: string;
  /** The status the job ends in once due. */
  readonly ends: JobOutcome | 'succeeded';
  readonly startedAtMs: number;
  updatedAtMs: number;
  polls: number;
  /** What the running attempt has committed so far, as a test reports it (`reportJobProgress`). */
  rowsSynced?: number;
  bytesSynced?: number;
}

export interface Application {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Grows when the application creates a workspace (its tokens share this set). */
  readonly workspaceIds: Set<string>;
}

export interface StoredWorkspace {
  readonly workspaceId: string;
  name: string;
  readonly organizationId: string;
  deleted: boolean;
}

export interface Grant {
  /** The application's own set: a workspace it creates later is reached by its tokens at once. */
  readonly workspaceIds: Set<string>;
  readonly expiresAtMs: number;
}

export interface SandboxStateOptions {
  readonly workspaceId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenTtlSeconds: number;
  readonly jobPollsToSucceed: number;
  readonly jobDurationMs: number;
  readonly basicAuth?: { readonly username: string; readonly password: string };
  readonly now?: () => number;
  readonly organizationId?: string;
  readonly rbac?: boolean;
}

export const DEFAULT_ORGANIZATION_ID = '00000000-0000-0000-0000-000000000000';

export interface SandboxState {
  readonly options: SandboxStateOptions;
  readonly now: () => number;
  readonly newId: () => string;
  readonly workspaces: Map<string, StoredWorkspace>;
  readonly applications: Application[];
  readonly tokens: Map<string, Grant>;
  readonly sources: Map<string, StoredActor>;
  readonly destinations: Map<string, StoredActor>;
  readonly connections: Map<string, StoredConnection>;
  readonly jobs: Map<number, StoredJob>;
  readonly catalogsBySource: Map<string, ReadonlyArray<SandboxStream>>;
  readonly catalogsByType: Map<string, ReadonlyArray<SandboxStream>>;
  nextJobId: number;
  /** Users, groups and permissions of the organization (editions with role-based access). */
  readonly access: AccessState;
}

export const createSandboxState = (options: SandboxStateOptions): SandboxState => ({
  options,
  now: options.now ?? Date.now,
  newId: randomUUID,
  workspaces: new Map([
    [
      options.workspaceId,
      {
        workspaceId: options.workspaceId,
        name: 'Sandbox workspace',
        organizationId: options.organizationId ?? DEFAULT_ORGANIZATION_ID,
        deleted: false,
      },
    ],
  ]),
  applications: [
    {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      workspaceIds: new Set([options.workspaceId]),
    },
  ],
  tokens: new Map(),
  sources: new Map(),
  destinations: new Map(),
  connections: new Map(),
  jobs: new Map(),
  catalogsBySource: new Map(),
  catalogsByType: new Map(),
  nextJobId: 1,
  access: createAccessState(options.organizationId ?? DEFAULT_ORGANIZATION_ID, options.rbac ?? true),
});

export const issueToken = (state: SandboxState, application: Application): string => {
  const token = randomBytes(24).toString('base64url');
  state.tokens.set(token, {
    workspaceIds: application.workspaceIds,
    expiresAtMs: state.now() + state.options.tokenTtlSeconds * 1000,
  });
  return token;
};

/** A workspace with an application that can reach only it. */
export const addWorkspace = (
  state: SandboxState,
  name: string,
): { workspaceId: string; clientId: string; clientSecret: string } => {
  const workspaceId = state.newId();
  const clientId = state.newId();
  const clientSecret = randomBytes(24).toString('base64url');
  state.workspaces.set(workspaceId, {
    workspaceId,
    name,
    organizationId: state.access.organizationId,
    deleted: false,
  });
  state.applications.push({ clientId, clientSecret, workspaceIds: new Set([workspaceId]) });
  return { workspaceId, clientId, clientSecret };
};

/** Epoch seconds, the unit of `createdAt` in Airbyte's responses. */
export const epochSeconds = (state: SandboxState): number => Math.floor(state.now() / 1000);
