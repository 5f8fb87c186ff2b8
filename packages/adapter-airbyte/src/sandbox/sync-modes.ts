/**
 * Sync modes as the server combines them: a stream's source supports `full_refresh` and/or `incremental`
 * (SyncMode), a destination supports a set of DestinationSyncModes (its connector spec's
 * `supported_destination_sync_modes`), and a connection's mode is a pair of the two
 * (ConnectionReadMapper.syncModesToConnectionSyncModeEnum). A sandbox stream lists connection modes; the
 * source modes are read from their prefixes.
 */
import type { SyncMode } from '@airbyte-provisioner/core';
import type { SandboxStream } from './sandbox.types.js';

export type SourceSyncMode = 'full_refresh' | 'incremental';
export type DestinationSyncMode =
  'overwrite' | 'append' | 'append_dedup' | 'overwrite_dedup' | 'update' | 'soft_delete';

/** ConnectionReadMapper.syncModesToConnectionSyncModeEnum, in its map's order. */
const COMBINED: ReadonlyArray<readonly [SourceSyncMode, DestinationSyncMode, SyncMode]> = [
  ['full_refresh', 'overwrite', 'full_refresh_overwrite'],
  ['full_refresh', 'append', 'full_refresh_append'],
  ['full_refresh', 'overwrite_dedup', 'full_refresh_overwrite_deduped'],
  ['full_refresh', 'update', 'full_refresh_update'],
  ['full_refresh', 'soft_delete', 'full_refresh_soft_delete'],
  ['incremental', 'append', 'incremental_append'],
  ['incremental', 'append_dedup', 'incremental_deduped_history'],
  ['incremental', 'update', 'incremental_update'],
  ['incremental', 'soft_delete', 'incremental_soft_delete'],
];

/** StreamsController.getValidSyncModes: the modes `GET /streams` lists, in its order (never *_deduped). */
const LISTED: ReadonlyArray<readonly [SourceSyncMode, DestinationSyncMode, SyncMode]> = [
  ['full_refresh', 'append', 'full_refresh_append'],
  ['full_refresh', 'overwrite', 'full_refresh_overwrite'],
  ['full_refresh', 'update', 'full_refresh_update'],
  ['full_refresh', 'soft_delete', 'full_refresh_soft_delete'],
  ['incremental', 'append', 'incremental_append'],
  ['incremental', 'append_dedup', 'incremental_deduped_history'],
  ['incremental', 'update', 'incremental_update'],
  ['incremental', 'soft_delete', 'incremental_soft_delete'],
];

export const sourceSyncModesOf = (stream: SandboxStream): ReadonlyArray<SourceSyncMode> =>
  (['full_refresh', 'incremental'] as const).filter((mode) =>
    stream.syncModes.some((m) => m.startsWith(`${mode}_`)),
  );

const pairs = (
  table: ReadonlyArray<readonly [SourceSyncMode, DestinationSyncMode, SyncMode]>,
  source: ReadonlyArray<SourceSyncMode>,
  destination: ReadonlyArray<DestinationSyncMode>,
): ReadonlyArray<SyncMode> =>
  table.filter(([s, d]) => source.includes(s) && destination.includes(d)).map(([, , mode]) => mode);

/** AirbyteCatalogHelper.validCombinedSyncModes: what a connection's stream may be set to. */
export const validCombinedSyncModes = (
  source: ReadonlyArray<SourceSyncMode>,
  destination: ReadonlyArray<DestinationSyncMode>,
): ReadonlyArray<SyncMode> => pairs(COMBINED, source, destination);

/** What `GET /streams` answers as a stream's `syncModes` for a destination's modes. */
export const listedSyncModes = (
  source: ReadonlyArray<SourceSyncMode>,
  destination: ReadonlyArray<DestinationSyncMode>,
): ReadonlyArray<SyncMode> => pairs(LISTED, source, destination);
