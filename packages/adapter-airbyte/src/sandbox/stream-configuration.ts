/**
 * `configurations.streams` of a connection, checked against the source's catalog: names must exist, a sync
 * mode must be one the stream supports, incremental modes need a cursor and deduped modes a primary key
 * (requested or source defined). Absent streams mean every discovered stream, in its default mode.
 */
import { syncModes, type SyncMode } from '@airbyte-provisioner/core';
import { isReply } from './pagination.js';
import { problem, type SandboxReply } from './sandbox-reply.js';
import type { SandboxStream } from './sandbox.types.js';
import { isRecord, type Json, type JsonRecord } from './secrets.js';

const PASSTHROUGH = ['namespace', 'includeFiles', 'destinationObjectName', 'selectedFields', 'mappers'];

const defaultMode = (stream: SandboxStream): SyncMode | undefined =>
  stream.syncModes.includes('full_refresh_overwrite') ? 'full_refresh_overwrite' : stream.syncModes[0];

const stringList = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const configure = (requested: JsonRecord, stream: SandboxStream): JsonRecord | SandboxReply => {
  const mode = requested['syncMode'] ?? defaultMode(stream);
  if (typeof mode !== 'string' || !(syncModes as ReadonlyArray<string>).includes(mode)) {
    return problem(400, `Invalid syncMode ${JSON.stringify(mode)} for stream ${stream.name}`);
  }
  if (!(stream.syncModes as ReadonlyArray<string>).includes(mode)) {
    return problem(
      400,
      `Sync mode ${mode} is not supported by stream ${stream.name}; supported: ${stream.syncModes.join(', ')}`,
    );
  }
  const cursorField = requested['cursorField'] ?? stream.defaultCursorField ?? [];
  const primaryKey = requested['primaryKey'] ?? stream.sourceDefinedPrimaryKey ?? [];
  if (!stringList(cursorField))
    return problem(400, `cursorField of stream ${stream.name} must be a list of strings`);
  if (!Array.isArray(primaryKey) || !primaryKey.every(stringList)) {
    return problem(400, `primaryKey of stream ${stream.name} must be a list of lists of strings`);
  }
  if (mode.startsWith('incremental') && cursorField.length === 0) {
    return problem(400, `Stream ${stream.name} needs a cursorField for ${mode}`);
  }
  if (mode.includes('dedup') && primaryKey.length === 0) {
    return problem(400, `Stream ${stream.name} needs a primaryKey for ${mode}`);
  }
  const extra = Object.fromEntries(
    PASSTHROUGH.filter((key) => requested[key] !== undefined).map((key) => [key, requested[key] as Json]),
  );
  return { name: stream.name, syncMode: mode, cursorField, primaryKey: primaryKey as Json, ...extra };
};

export const configureStreams = (
  catalog: ReadonlyArray<SandboxStream>,
  configurations: unknown,
): ReadonlyArray<JsonRecord> | SandboxReply => {
  if (configurations !== undefined && !isRecord(configurations)) {
    return problem(400, 'configurations must be an object');
  }
  const requested = configurations?.['streams'];
  if (requested === undefined) {
    return catalog.map((stream) => configure({}, stream)).filter((s): s is JsonRecord => !isReply(s));
  }
  if (!Array.isArray(requested)) return problem(400, 'configurations.streams must be a list');
  const configured: JsonRecord[] = [];
  const seen = new Set<string>();
  for (const item of requested as ReadonlyArray<unknown>) {
    if (!isRecord(item) || typeof item['name'] !== 'string') {
      return problem(400, 'Each stream configuration needs a name');
    }
    const stream = catalog.find((s) => s.name === item['name']);
    if (stream === undefined) {
      return problem(
        400,
        `Invalid stream found. The following streams were not found in the source: ${item['name']}`,
      );
    }
    if (seen.has(stream.name))
      return problem(400, `Duplicate stream found in configuration for: ${stream.name}`);
    seen.add(stream.name);
    const result = configure(item, stream);
    if (isReply(result)) return result;
    configured.push(result);
  }
  return configured;
};
