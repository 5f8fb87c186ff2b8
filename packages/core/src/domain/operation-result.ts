/**
 * What a finished operation reports back: the fields of the API's `ProvisioningStatus` that are ours to fill.
 */
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { ResourceKind } from './airbyte-state.js';
import type { JsonObject } from './json.js';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** A user-facing step, e.g. "Updated source \"orders-file\" in place (changed: configuration.url)". */
export interface LogEntry {
  readonly timestamp: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly phase?: string;
}

/** An entry of `info.publicInfo`, in the shape the Witboost marketplace renders. */
export interface InfoEntry {
  readonly type: 'string' | 'link' | 'date';
  readonly label: string;
  readonly value: string;
  readonly href?: string;
}

/**
 * Where a deploy left things in Airbyte: ids and secret fingerprints, never a secret. Stored in
 * `info.privateInfo`, it comes back in `latestEnrichedDescriptor` and lets the next deploy find the same
 * resources and skip writes when nothing changed.
 */
export interface DeploymentRecord {
  readonly workspaceId: string;
  /** The workspace's name when it is the data product's own (`AIRBYTE_WORKSPACE_MODE=per-data-product`). */
  readonly workspaceName?: string;
  readonly sourceId?: string;
  readonly destinationId?: string;
  readonly connectionId?: string;
  readonly sourceFingerprint?: string;
  readonly destinationFingerprint?: string;
  /** The last sync (or clear) job this provisioner started for the connection. */
  readonly lastJobId?: number;
  /**
   * A change was made after which the component's `syncOnProvision` asks for a sync, and no sync has
   * been started for it yet (set before the writes, cleared when the job starts).
   */
  readonly syncDue?: boolean;
  /**
   * Resources this component replaced whose deletion has not happened yet (a deploy failed half-way);
   * the next deploy deletes them, so nothing is left orphaned.
   */
  readonly pendingDeletions?: ReadonlyArray<{ readonly kind: ResourceKind; readonly id: string }>;
  /**
   * Creates whose first attempt lost its answer (see `doubtfulSince`): for a while after `since`, a
   * resource of this kind and name other than the recorded one is that attempt landing late, and the next
   * operation deletes it.
   */
  readonly doubtfulCreates?: ReadonlyArray<DoubtfulCreate>;
}

// a type, not an interface: it must stay assignable to JSON (privateInfo)
export type DoubtfulCreate = {
  readonly kind: ResourceKind;
  readonly name: string;
  /** When the create began (epoch milliseconds). */
  readonly since: number;
  /** The resource the create answered in the end: never a late copy of itself. */
  readonly id: string;
  /** What a late copy is made of, as the resource answered: an actor's connector definition… */
  readonly definitionId?: string;
  /** …or the ends of a connection. */
  readonly sourceId?: string;
  readonly destinationId?: string;
};

export interface DeploymentInfo {
  readonly publicInfo: Readonly<Record<string, InfoEntry>>;
  /** `{ airbyte: DeploymentRecord }` as plain JSON. */
  readonly privateInfo: JsonObject;
}

export interface OperationResult {
  /** One-sentence summary, sent as the API's `result`. */
  readonly message: string;
  readonly info: DeploymentInfo;
  readonly logs: ReadonlyArray<LogEntry>;
}

/** A failed operation: the error, and the steps that ran before it (with what was created, if anything). */
export interface OperationFailure {
  readonly error: ProvisioningError;
  readonly logs: ReadonlyArray<LogEntry>;
  readonly info?: DeploymentInfo;
}
