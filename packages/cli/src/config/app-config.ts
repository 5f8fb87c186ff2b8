/**
 * The provisioner's effective configuration, after env and the optional profiles file are decoded and
 * merged. Everything a command or the container needs; nothing is read from `process.env` past this point.
 */
import type { AirbyteAuth } from '@airbyte-provisioner/adapter-airbyte';
import type { ConnectorProfiles, WorkspaceNameTemplate, WorkspaceRole } from '@airbyte-provisioner/core';

export type ProvisionMode = 'async' | 'sync';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AirbyteConfig {
  /** The public API base, e.g. `http://localhost:8000/api/public/v1` or `https://api.airbyte.com/v1`. */
  readonly apiUrl: string;
  readonly workspaceId: string;
  readonly auth: AirbyteAuth;
  readonly uiUrl?: string;
  readonly timeoutMs?: number;
  readonly maxConcurrentCalls?: number;
  /** Between two reads of a job the provisioner waits for (waitForSync, removeData's clear). */
  readonly jobPollMs?: number;
  /** AIRBYTE_ACL_MODE=workspace-role: updateacl grants `role` on the workspace; absent when off. */
  readonly access?: { readonly organizationId: string; readonly role: WorkspaceRole };
}

/**
 * AIRBYTE_WORKSPACE_MODE=per-data-product: each data product in a workspace named by `template`, created
 * inside `organizationId` (AIRBYTE_ORGANIZATION_ID) when set. Apart from `AirbyteConfig`, since
 * `serve --sandbox` replaces where Airbyte is but keeps the mode.
 */
export interface PerDataProductConfig {
  readonly template: WorkspaceNameTemplate;
  readonly organizationId?: string;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly provisionMode: ProvisionMode;
  readonly apiToken?: string;
  readonly bodyLimitBytes?: number;
  readonly shutdownGraceMs: number;
}

export interface TaskLimitsConfig {
  readonly ttlMs: number;
  readonly maxTasks: number;
}

/** Where the key of the secret fingerprints comes from (it must be stable across restarts). */
export type FingerprintKey =
  { readonly source: 'env'; readonly key: string } | { readonly source: 'derived' };

/** PostgreSQL state, shared by replicas (`DATABASE_URL`); absent: in memory, one process. */
export interface StateConfig {
  readonly databaseUrl: string;
  /** Encrypts the requests kept for crash takeover (`STATE_ENCRYPTION_KEY`). */
  readonly encryptionKey?: string;
  /** How long a per-component lease lasts without renewal. */
  readonly leaseTtlMs: number;
  /** How many times one task may be taken over from a replica that stopped (`TASK_MAX_TAKEOVERS`). */
  readonly maxTakeovers: number;
}

export const DEFAULT_LEASE_TTL_MS = 30_000;
export const DEFAULT_MAX_TAKEOVERS = 3;

export interface AppConfig {
  readonly state?: StateConfig;
  readonly server: ServerConfig;
  /** Absent when no `AIRBYTE_*` variable is set: only `validate`, `sandbox` and `serve --sandbox` work. */
  readonly airbyte?: AirbyteConfig;
  /** Absent in the shared workspace mode (the default). */
  readonly perDataProduct?: PerDataProductConfig;
  readonly tasks: TaskLimitsConfig;
  readonly logLevel: LogLevel;
  /** For the commands, whose stderr is read by a person: LOG_LEVEL when set, else warn. */
  readonly commandLogLevel: LogLevel;
  readonly profiles: ConnectorProfiles;
  /** Dot paths (`destinations.snowflake.enforced.credentials.password`) of profile values that are secrets. */
  readonly profileSecretPaths: ReadonlyArray<string>;
  readonly fingerprintKey: FingerprintKey;
  /** The profiles file, when `PROVISIONER_CONFIG` names one. */
  readonly configFile?: string;
}

export const DEFAULT_PORT = 8093;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;
