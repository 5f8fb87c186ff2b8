/**
 * What `GET /streams` discovers for a source. A File source reads one file, so it has one stream named
 * after `dataset_name`, without a cursor or primary key, hence full-refresh modes only. Other sources
 * answer the catalog a test set for the source or its connector type, else a small default one.
 */
import type { SyncMode } from '@airbyte-provisioner/core';
import type { SandboxStream } from './sandbox.types.js';
import type { SandboxState, StoredActor } from './sandbox-state.js';
import { listedSyncModes, sourceSyncModesOf, type DestinationSyncMode } from './sync-modes.js';

const FULL_REFRESH: ReadonlyArray<SyncMode> = ['full_refresh_overwrite', 'full_refresh_append'];
const ALL_MODES: ReadonlyArray<SyncMode> = [
  'full_refresh_overwrite',
  'full_refresh_append',
  'incremental_append',
  'incremental_deduped_history',
];

const DEFAULT_CATALOG: ReadonlyArray<SandboxStream> = [
  {
    name: 'users',
    syncModes: ALL_MODES,
    defaultCursorField: ['updated_at'],
    sourceDefinedPrimaryKey: [['id']],
    propertyFields: [['id'], ['name'], ['updated_at']],
  },
  {
    name: 'orders',
    syncModes: ALL_MODES,
    defaultCursorField: ['created_at'],
    sourceDefinedPrimaryKey: [['id']],
    propertyFields: [['id'], ['user_id'], ['amount'], ['created_at']],
  },
];

export const catalogOf = (state: SandboxState, source: StoredActor): ReadonlyArray<SandboxStream> => {
  const own = state.catalogsBySource.get(source.id) ?? state.catalogsByType.get(source.connector.type);
  if (own !== undefined) return own;
  if (source.connector.type === 'file') {
    const dataset = source.configuration['dataset_name'];
    return [
      { name: typeof dataset === 'string' ? dataset : 'file', syncModes: FULL_REFRESH, propertyFields: [] },
    ];
  }
  return DEFAULT_CATALOG;
};

/**
 * StreamsController.getStreamProperties: `syncModes` is null without a destination, else the modes the
 * stream's source modes and the destination's modes combine to, in the controller's order.
 */
export const streamPropertiesView = (
  stream: SandboxStream,
  destinationModes: ReadonlyArray<DestinationSyncMode> | undefined,
): Record<string, unknown> => ({
  streamName: stream.name,
  syncModes:
    destinationModes === undefined ? null : listedSyncModes(sourceSyncModesOf(stream), destinationModes),
  ...(stream.namespace === undefined ? {} : { streamnamespace: stream.namespace }),
  defaultCursorField: stream.defaultCursorField ?? [],
  sourceDefinedCursorField: stream.sourceDefinedCursor ?? (stream.defaultCursorField ?? []).length > 0,
  sourceDefinedPrimaryKey: stream.sourceDefinedPrimaryKey ?? [],
  propertyFields: stream.propertyFields ?? [],
});
