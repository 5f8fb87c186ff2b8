/** One resource's line of a plan, safe to print: never a secret. */
import type { ResourceKind } from './airbyte-state.js';
import type { JsonValue } from './json.js';

export interface PlannedChange {
  /** `workspace`: the data product's own workspace (per-data-product mode), created by the first provision. */
  readonly kind: ResourceKind | 'workspace';
  readonly name: string;
  readonly action: 'create' | 'update' | 'replace' | 'delete' | 'noop';
  readonly id?: string;
  /** For `update`: dot paths of what differs (secret fields named, values never shown). */
  readonly changedFields?: ReadonlyArray<string>;
  /** For `replace`: why Airbyte cannot update it in place. */
  readonly reason?: string;
  /** For `create` and `replace`: what will be set (a connection's streams are in `streamChanges`). */
  readonly values?: ReadonlyArray<PlannedValue>;
  /** For `update`: each changed value, old and new (a connection's streams are in `streamChanges`). */
  readonly valueChanges?: ReadonlyArray<ValueChange>;
  /** For a connection: streams added, removed or changed. */
  readonly streamChanges?: ReadonlyArray<StreamChange>;
  /** The connection's streams follow what the source offers, discovered only when provisioning. */
  readonly streamsFromDiscovery?: boolean;
  /** The secrets are re-sent because what they were last time is unknown, not because they changed. */
  readonly secretsUnknown?: boolean;
}

/** A value a create sets; a secret is named, never shown. */
export type PlannedValue =
  { readonly path: string; readonly value: JsonValue } | { readonly path: string; readonly secret: true };

/** A value an update changes: `old` absent when it was unset, `new` absent when it is removed. */
export type ValueChange =
  | { readonly path: string; readonly old?: JsonValue; readonly new?: JsonValue }
  | { readonly path: string; readonly secret: true };

/** One stream of a connection: its `syncMode`, `cursorField` and `primaryKey` as they change. */
export interface StreamChange {
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly fields: ReadonlyArray<ValueChange>;
}
