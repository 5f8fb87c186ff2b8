/**
 * Airbyte resources as the domain sees them once read through the gateway. Secret fields in
 * `configuration` come back masked (`**********`), so they are never compared in clear.
 */
import type {
  ConnectionStatus,
  ConnectorRef,
  NamespaceDefinition,
  NonBreakingSchemaUpdatesBehavior,
  SyncMode,
} from './desired-state.js';
import type { JsonObject } from './json.js';

/** The value Airbyte returns in place of every secret field. */
export const MASKED_SECRET = '**********';

export type ActorKind = 'source' | 'destination';
export type ResourceKind = ActorKind | 'connection';

export interface AirbyteActor {
  readonly kind: ActorKind;
  readonly id: string;
  readonly name: string;
  readonly workspaceId: string;
  /** `sourceType` / `destinationType` as Airbyte reports it, e.g. `file`, `snowflake`. */
  readonly connectorType: string;
  readonly definitionId: string;
  readonly configuration: JsonObject;
  /**
   * Set on a resource just created when an earlier attempt of that create lost its answer and found
   * nothing when looked up: that attempt may still land, as a same-named duplicate. Epoch milliseconds
   * of when the create began.
   */
  readonly doubtfulSince?: number;
}

export interface AirbyteStream {
  readonly name: string;
  readonly syncMode?: SyncMode;
  readonly cursorField?: ReadonlyArray<string>;
  readonly primaryKey?: ReadonlyArray<ReadonlyArray<string>>;
}

export type AirbyteSchedule =
  | { readonly scheduleType: 'manual' }
  | { readonly scheduleType: 'cron'; readonly cronExpression: string }
  | { readonly scheduleType: 'basic'; readonly basicTiming?: string };

export interface AirbyteConnection {
  readonly id: string;
  readonly name: string;
  readonly workspaceId: string;
  readonly sourceId: string;
  readonly destinationId: string;
  readonly status: ConnectionStatus | 'deprecated' | 'locked';
  readonly schedule: AirbyteSchedule;
  readonly streams: ReadonlyArray<AirbyteStream>;
  readonly namespaceDefinition?: NamespaceDefinition;
  readonly namespaceFormat?: string;
  readonly prefix?: string;
  readonly nonBreakingSchemaUpdatesBehavior?: NonBreakingSchemaUpdatesBehavior;
  /**
   * Set on a resource just created when an earlier attempt of that create lost its answer and found
   * nothing when looked up: that attempt may still land, as a same-named duplicate. Epoch milliseconds
   * of when the create began.
   */
  readonly doubtfulSince?: number;
}

/** A stream the source offers, with the sync modes the source/destination pair supports. */
export interface DiscoveredStream {
  readonly name: string;
  readonly syncModes: ReadonlyArray<SyncMode>;
  readonly defaultCursorField?: ReadonlyArray<string>;
  readonly sourceDefinedPrimaryKey?: ReadonlyArray<ReadonlyArray<string>>;
}

export type JobStatus =
  'pending' | 'queued' | 'running' | 'incomplete' | 'failed' | 'succeeded' | 'cancelled';

const FINISHED_JOB_STATUSES: ReadonlyArray<JobStatus> = ['succeeded', 'failed', 'cancelled'];

/** Whether a job is over: `incomplete` is not (an attempt failed and Airbyte tries again). */
export const jobFinished = (status: JobStatus): boolean => FINISHED_JOB_STATUSES.includes(status);

export interface AirbyteJob {
  readonly id: number;
  readonly connectionId: string;
  readonly status: JobStatus;
  /** What the job's last attempt committed so far, when Airbyte says (all the public API tells of progress). */
  readonly rowsSynced?: number;
  readonly bytesSynced?: number;
  /** ISO-8601, e.g. `PT8M12S`: how long the job has run (absent while pending). */
  readonly duration?: string;
}

/** What is sent to create or fully update a source or destination. */
export interface ActorSpec {
  readonly name: string;
  readonly connector: ConnectorRef;
  readonly configuration: JsonObject;
}

/** What is sent to create a connection, or to patch one (the stream list is always sent whole). */
export interface ConnectionSpec {
  readonly name: string;
  readonly sourceId: string;
  readonly destinationId: string;
  readonly streams: ReadonlyArray<AirbyteStream>;
  readonly schedule:
    { readonly scheduleType: 'manual' } | { readonly scheduleType: 'cron'; readonly cronExpression: string };
  readonly status: ConnectionStatus;
  readonly namespaceDefinition?: NamespaceDefinition;
  readonly namespaceFormat?: string;
  readonly prefix?: string;
  readonly nonBreakingSchemaUpdatesBehavior?: NonBreakingSchemaUpdatesBehavior;
}

/** The connection settings a descriptor may leave out: an omitted one keeps Airbyte's value. */
export const OPTIONAL_CONNECTION_FIELDS = [
  'namespaceDefinition',
  'namespaceFormat',
  'prefix',
  'nonBreakingSchemaUpdatesBehavior',
] as const satisfies ReadonlyArray<keyof ConnectionSpec>;

export type OptionalConnectionFields = Pick<ConnectionSpec, (typeof OPTIONAL_CONNECTION_FIELDS)[number]>;

/** The optional settings that `from` sets, and only those (no key holding undefined). */
export const optionalConnectionFields = (from: OptionalConnectionFields): OptionalConnectionFields => ({
  ...(from.namespaceDefinition === undefined ? {} : { namespaceDefinition: from.namespaceDefinition }),
  ...(from.namespaceFormat === undefined ? {} : { namespaceFormat: from.namespaceFormat }),
  ...(from.prefix === undefined ? {} : { prefix: from.prefix }),
  ...(from.nonBreakingSchemaUpdatesBehavior === undefined
    ? {}
    : { nonBreakingSchemaUpdatesBehavior: from.nonBreakingSchemaUpdatesBehavior }),
});
