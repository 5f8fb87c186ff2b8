/** `GET /streams` answer (StreamPropertiesResponse) and how it reads as the domain's DiscoveredStream. */
import { syncModes, type DiscoveredStream, type SyncMode } from '@airbyte-provisioner/core';
import * as t from 'io-ts';

const StringList = t.array(t.string);

export const StreamProperties = t.intersection([
  // the spec marks every field optional, but a stream without a name cannot be selected: require it
  t.type({ streamName: t.string }),
  t.partial({
    // null without a destinationId (StreamsController.getValidSyncModes); we always send one
    syncModes: t.union([StringList, t.null]),
    defaultCursorField: StringList,
    sourceDefinedPrimaryKey: t.array(StringList),
  }),
]);
export type StreamProperties = t.TypeOf<typeof StreamProperties>;

export const StreamPropertiesResponse = t.array(StreamProperties);
export type StreamPropertiesResponse = t.TypeOf<typeof StreamPropertiesResponse>;

export const toDiscoveredStream = (s: StreamProperties): DiscoveredStream => ({
  name: s.streamName,
  // modes this client does not know cannot be requested anyway
  syncModes: (s.syncModes ?? []).filter((m): m is SyncMode =>
    (syncModes as ReadonlyArray<string>).includes(m),
  ),
  ...(s.defaultCursorField === undefined || s.defaultCursorField.length === 0
    ? {}
    : { defaultCursorField: s.defaultCursorField }),
  ...(s.sourceDefinedPrimaryKey === undefined || s.sourceDefinedPrimaryKey.length === 0
    ? {}
    : { sourceDefinedPrimaryKey: s.sourceDefinedPrimaryKey }),
});
