/** Starts the sandbox on a node:http server and hands back the handle tests and the CLI drive it with. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '@airbyte-provisioner/core';
import { destinationView, sourceView } from './actor.routes.js';
import { connectionView } from './connection-store.js';
import { createFaultRegistry } from './faults.js';
import { jobView, advance } from './job.routes.js';
import { createSandboxRequestHandler, type SandboxControls } from './request-handler.js';
import { addWorkspace, createSandboxState, type SandboxState } from './sandbox-state.js';
import type { AirbyteSandbox, AirbyteSandboxOptions, SandboxSnapshot } from './sandbox.types.js';
import { createSleeper } from './sleeper.js';

export const DEFAULT_SANDBOX_WORKSPACE_ID = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';
export const DEFAULT_SANDBOX_CLIENT_ID = 'sandbox-client';
// sandbox-only credentials: they open nothing but an in-memory sandbox
export const DEFAULT_SANDBOX_CLIENT_SECRET = 'sandbox-client-secret';
export const DEFAULT_SANDBOX_BASE_PATH = '/api/public/v1';

export const snapshotOf = (state: SandboxState): SandboxSnapshot => ({
  workspaces: [...state.workspaces.values()]
    .filter((w) => !w.deleted)
    .map(({ workspaceId, name, organizationId }) => ({ workspaceId, name, organizationId })),
  sources: [...state.sources.values()].filter((a) => !a.deleted).map(sourceView),
  destinations: [...state.destinations.values()].filter((a) => !a.deleted).map(destinationView),
  connections: [...state.connections.values()].filter((c) => !c.deleted).map(connectionView),
  jobs: [...state.jobs.values()].map((job) => jobView(advance(state, job))),
});

/** State and controls for embedding the sandbox in another server (`createSandboxRequestHandler`). */
const addUser = (state: SandboxState, email: string): string => {
  const id = state.newId();
  state.access.users.set(id, { id, email, name: email.split('@')[0] ?? email });
  return id;
};

const addGroup = (state: SandboxState, name: string): string => {
  const groupId = state.newId();
  state.access.groups.set(groupId, { groupId, name });
  return groupId;
};

/** The users and groups asked for, added to a new state. */
const seeded = (options: AirbyteSandboxOptions, state: SandboxState): SandboxState => {
  (options.users ?? []).forEach((email) => addUser(state, email));
  (options.groups ?? []).forEach((name) => addGroup(state, name));
  return state;
};

export const createSandboxControls = (options: AirbyteSandboxOptions = {}): SandboxControls => ({
  state: seeded(
    options,
    createSandboxState({
      workspaceId: options.workspaceId ?? DEFAULT_SANDBOX_WORKSPACE_ID,
      clientId: options.clientId ?? DEFAULT_SANDBOX_CLIENT_ID,
      clientSecret: options.clientSecret ?? DEFAULT_SANDBOX_CLIENT_SECRET,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 180,
      jobPollsToSucceed: options.jobPollsToSucceed ?? 1,
      jobDurationMs: options.jobDurationMs ?? 500,
      ...(options.organizationId === undefined ? {} : { organizationId: options.organizationId }),
      ...(options.rbac === undefined ? {} : { rbac: options.rbac }),
      ...(options.basicAuth === undefined ? {} : { basicAuth: options.basicAuth }),
    }),
  ),
  basePath: (options.basePath ?? DEFAULT_SANDBOX_BASE_PATH).replace(/\/+$/, ''),
  faults: createFaultRegistry(),
  sleeper: createSleeper(),
  logger: options.logger ?? silentLogger,
  latencyMs: options.latencyMs ?? 0,
  calls: [],
  inFlight: 0,
  maxInFlight: 0,
});

export const startAirbyteSandbox = async (options: AirbyteSandboxOptions = {}): Promise<AirbyteSandbox> => {
  const controls = createSandboxControls(options);
  const { state } = controls;
  const server = createServer(createSandboxRequestHandler(controls));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${controls.basePath}`;
  controls.logger.info({ url }, 'Airbyte sandbox listening');
  return {
    url,
    workspaceId: state.options.workspaceId,
    credentials: { clientId: state.options.clientId, clientSecret: state.options.clientSecret },
    calls: () => controls.calls.map((call) => ({ ...call })),
    clearCalls: () => {
      controls.calls = [];
      controls.maxInFlight = controls.inFlight;
    },
    inject: (fault) => controls.faults.add(fault),
    clearFaults: () => controls.faults.clear(),
    setLatency: (ms) => {
      controls.latencyMs = ms;
    },
    releaseDelays: () => controls.sleeper.wakeAll(),
    setCatalog: (sourceId, streams) => {
      state.catalogsBySource.set(sourceId, streams);
    },
    setCatalogForType: (sourceType, streams) => {
      state.catalogsByType.set(sourceType, streams);
    },
    snapshot: () => snapshotOf(state),
    addWorkspace: (name = 'Another workspace') => {
      const added = addWorkspace(state, name);
      return {
        workspaceId: added.workspaceId,
        credentials: { clientId: added.clientId, clientSecret: added.clientSecret },
      };
    },
    organizationId: state.access.organizationId,
    addUser: (email) => addUser(state, email),
    addGroup: (name) => addGroup(state, name),
    permissions: () => [...state.access.permissions.values()].map((p) => ({ ...p })),
    setPermissionType: (permissionId, permissionType) => {
      const found = state.access.permissions.get(permissionId);
      if (found !== undefined) found.permissionType = permissionType;
    },
    finishJob: (jobId, status) => {
      const job = state.jobs.get(jobId);
      if (job === undefined || !['running', 'incomplete'].includes(advance(state, job).status)) return false;
      job.status = status;
      job.updatedAtMs = state.now();
      return true;
    },
    reportJobProgress: (jobId, progress) => {
      const job = state.jobs.get(jobId);
      if (job === undefined || advance(state, job).status !== 'running') return false;
      job.rowsSynced = progress.rowsSynced;
      job.bytesSynced = progress.bytesSynced;
      return true;
    },
    revokeTokens: () => state.tokens.clear(),
    maxConcurrentRequests: () => controls.maxInFlight,
    close: () =>
      new Promise<void>((resolve, reject) => {
        controls.sleeper.wakeAll();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
};
