/**
 * What a component declares, resolved against the platform's connector profiles: the source, destination
 * and connection that Airbyte must hold after a deploy. Built by the descriptor module, read by the planner.
 */
import type { JsonObject } from './json.js';

/** How a connector is chosen: by its type name (`file`, `snowflake`) or by an explicit definition id. */
export type ConnectorRef =
  | { readonly _tag: 'ConnectorType'; readonly connectorType: string }
  | { readonly _tag: 'DefinitionId'; readonly definitionId: string };

export interface DesiredActor {
  readonly name: string;
  readonly connector: ConnectorRef;
  /** Full configuration to send, secrets included (never logged, never returned). */
  readonly configuration: JsonObject;
  /** Dot paths inside `configuration` that hold secrets (masked by Airbyte on read). */
  readonly secretPaths: ReadonlyArray<string>;
}

/** Airbyte's ConnectionSyncModeEnum, in the order of its public API: the one list of sync modes. */
export const syncModes = [
  'full_refresh_overwrite',
  'full_refresh_overwrite_deduped',
  'full_refresh_append',
  'full_refresh_update',
  'full_refresh_soft_delete',
  'incremental_append',
  'incremental_deduped_history',
  'incremental_update',
  'incremental_soft_delete',
] as const;

export type SyncMode = (typeof syncModes)[number];

export interface StreamSelection {
  readonly name: string;
  readonly syncMode?: SyncMode;
  readonly cursorField?: ReadonlyArray<string>;
  readonly primaryKey?: ReadonlyArray<ReadonlyArray<string>>;
}

export type Schedule =
  { readonly scheduleType: 'manual' } | { readonly scheduleType: 'cron'; readonly cronExpression: string };

export type ConnectionStatus = 'active' | 'inactive';
export type NamespaceDefinition = 'source' | 'destination' | 'custom_format';
export type NonBreakingSchemaUpdatesBehavior =
  'ignore' | 'disable_connection' | 'propagate_columns' | 'propagate_fully';

export interface DesiredConnection {
  readonly name: string;
  /** `all` means every stream the source offers (discovered at deploy time). */
  readonly streams:
    | { readonly _tag: 'All' }
    | { readonly _tag: 'Selected'; readonly streams: ReadonlyArray<StreamSelection> };
  readonly schedule: Schedule;
  readonly status: ConnectionStatus;
  readonly namespaceDefinition?: NamespaceDefinition;
  readonly namespaceFormat?: string;
  readonly prefix?: string;
  readonly nonBreakingSchemaUpdatesBehavior?: NonBreakingSchemaUpdatesBehavior;
  /** When a deploy starts a sync: `never`, when it created the connection, when it changed anything, always. */
  readonly syncOnProvision: SyncPolicy;
  /** Present when the deploy waits for the sync it started. */
  readonly waitForSync?: SyncWait;
}

export type SyncPolicy = 'never' | 'onCreate' | 'onChange' | 'always';

export interface SyncWait {
  readonly timeoutSeconds: number;
  /** What a sync still running at the deadline makes of the operation: a failure, or a warning. */
  readonly onTimeout: 'fail' | 'warn';
}

export interface DesiredState {
  readonly source: DesiredActor;
  readonly destination: DesiredActor;
  readonly connection: DesiredConnection;
}
