/**
 * `configurations.streams` of a connection, checked against the source's catalog and the destination's
 * sync modes as airbyte-server publicapi AirbyteCatalogHelper.getValidConfiguredStreams does:
 * - a stream is found by name (and namespace when several share the name), else 400;
 * - no sync mode, or `full_refresh_overwrite`, is always accepted; any other must be one the source's and
 *   the destination's sync modes combine to (validCombinedSyncModes), else 400;
 * - incremental modes need a cursor: the source's own when it defines one (a different one requested is
 *   400), else one requested that exists in the stream's schema, else the stream's default cursor;
 * - deduped and update modes need a primary key: the source's own when it defines one (a different one
 *   requested is 400), else one requested whose every field exists in the stream's schema;
 * - a stream configured twice is 400.
 * An empty or absent list configures every stream as `full_refresh_overwrite` on create
 * (updateAllStreamsFullRefreshOverwrite) and changes nothing on PATCH (hasStreamConfigurations).
 */
import { syncModes, type SyncMode } from '@airbyte-provisioner/core';
import { isReply } from './pagination.js';
import { badRequest, micronautError, type SandboxReply } from './sandbox-reply.js';
import type { SandboxStream } from './sandbox.types.js';
import { isRecord, type Json, type JsonRecord } from './secrets.js';
import { sourceSyncModesOf, validCombinedSyncModes, type DestinationSyncMode } from './sync-modes.js';

const PASSTHROUGH = ['namespace', 'includeFiles', 'destinationObjectName', 'selectedFields', 'mappers'];
const NEEDS_CURSOR: ReadonlyArray<string> = ['incremental_append', 'incremental_deduped_history'];
const NEEDS_PRIMARY_KEY: ReadonlyArray<string> = [
  'incremental_deduped_history',
  'full_refresh_update',
  'incremental_update',
];

type Key = ReadonlyArray<string>;

const stringList = (value: unknown): value is Key =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const sameKey = (a: Key, b: Key): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

/** Kotlin's List.toString, which the server's messages quote: `[[id], [name]]`. */
const listText = (value: ReadonlyArray<unknown>): string =>
  `[${value.map((item) => (Array.isArray(item) ? listText(item) : String(item))).join(', ')}]`;

const sourceDefinesCursor = (stream: SandboxStream): boolean =>
  stream.sourceDefinedCursor ?? (stream.defaultCursorField ?? []).length > 0;

const fieldsOf = (stream: SandboxStream): ReadonlyArray<Key> => stream.propertyFields ?? [];

const hasField = (stream: SandboxStream, field: Key): boolean =>
  fieldsOf(stream).some((known) => sameKey(known, field));

/** AirbyteCatalogHelper.validateCursorField */
const checkCursor = (requested: Key, stream: SandboxStream): SandboxReply | undefined => {
  const fallback = stream.defaultCursorField ?? [];
  if (sourceDefinesCursor(stream)) {
    const differs =
      requested.length > 0 &&
      (new Set(requested).size !== new Set(fallback).size || requested.some((f) => !fallback.includes(f)));
    return differs
      ? badRequest(
          `Cursor Field ${listText(requested)} is already defined by source for stream: ${stream.name}. Do not include a cursor field configuration for this stream.`,
        )
      : undefined;
  }
  if (requested.length > 0) {
    return hasField(stream, requested)
      ? undefined
      : badRequest(
          `Invalid cursor field for stream: ${stream.name}. The list of valid cursor fields include: ${listText(fieldsOf(stream))}.`,
        );
  }
  return fallback.length > 0
    ? undefined
    : badRequest(
        `No default cursor field for stream: ${stream.name}. Please include a cursor field configuration for this stream.`,
      );
};

/** AirbyteCatalogHelper.validatePrimaryKey */
const checkPrimaryKey = (requested: ReadonlyArray<Key>, stream: SandboxStream): SandboxReply | undefined => {
  const sourceDefined = stream.sourceDefinedPrimaryKey ?? [];
  if (
    sourceDefined.length > 0 &&
    requested.length > 0 &&
    (sourceDefined.length !== requested.length ||
      sourceDefined.some((key, i) => !sameKey(key, requested[i] ?? [])))
  ) {
    return badRequest(
      `Primary key for stream: ${stream.name} is already pre-defined. Please remove the primaryKey or provide the value as ${listText(sourceDefined)}.`,
    );
  }
  if (sourceDefined.length === 0 && requested.length === 0) {
    return badRequest(
      `No default primary key for stream: ${stream.name}. Please include a primary key configuration for this stream.`,
    );
  }
  for (const key of requested) {
    if (!hasField(stream, key)) {
      return badRequest(
        `Invalid primary key for stream: ${stream.name}. The list of valid primary keys fields: ${listText(fieldsOf(stream))}.`,
      );
    }
    if (new Set(key).size !== key.length) {
      return badRequest(
        `Duplicate primary key detected for stream: ${stream.name}, please don't provide the same column more than once. Key: ${listText(requested)}`,
      );
    }
  }
  return undefined;
};

/** AirbyteCatalogHelper.validateStreamConfig, then the configuration toAirbyteStreamConfiguration stores. */
const configure = (
  requested: JsonRecord,
  stream: SandboxStream,
  destinationModes: ReadonlyArray<DestinationSyncMode>,
): JsonRecord | SandboxReply => {
  const rawMode = requested['syncMode'];
  if (
    rawMode !== undefined &&
    (typeof rawMode !== 'string' || !(syncModes as ReadonlyArray<string>).includes(rawMode))
  ) {
    return micronautError(400, `syncMode: unknown value ${JSON.stringify(rawMode)}`);
  }
  const mode = (rawMode ?? 'full_refresh_overwrite') as SyncMode;
  const cursor = requested['cursorField'] ?? [];
  const key = requested['primaryKey'] ?? [];
  if (!stringList(cursor)) return micronautError(400, 'cursorField: must be a list of strings');
  if (!Array.isArray(key) || !key.every(stringList))
    return micronautError(400, 'primaryKey: must be a list of lists of strings');
  const primaryKey = key as ReadonlyArray<Key>;
  if (mode !== 'full_refresh_overwrite') {
    const valid = validCombinedSyncModes(sourceSyncModesOf(stream), destinationModes);
    if (!valid.includes(mode)) {
      return badRequest(
        `Cannot set sync mode to ${mode} for stream ${stream.name}. Valid sync modes are: ${listText(valid)}`,
      );
    }
    const invalid =
      (NEEDS_CURSOR.includes(mode) ? checkCursor(cursor, stream) : undefined) ??
      (NEEDS_PRIMARY_KEY.includes(mode) ? checkPrimaryKey(primaryKey, stream) : undefined);
    if (invalid !== undefined) return invalid;
  }
  const incremental = mode.startsWith('incremental');
  const sourceKey = stream.sourceDefinedPrimaryKey ?? [];
  const storedCursor =
    incremental && !sourceDefinesCursor(stream) && cursor.length > 0
      ? cursor
      : (stream.defaultCursorField ?? []);
  const storedKey =
    mode === 'full_refresh_overwrite' || mode === 'full_refresh_append' || sourceKey.length > 0
      ? sourceKey
      : primaryKey;
  const extra = Object.fromEntries(
    PASSTHROUGH.filter((k) => requested[k] !== undefined).map((k) => [k, requested[k] as Json]),
  );
  return {
    name: stream.name,
    syncMode: mode,
    cursorField: storedCursor as Json,
    primaryKey: storedKey as Json,
    ...extra,
  };
};

const findStream = (
  catalog: ReadonlyArray<SandboxStream>,
  name: string,
  namespace: unknown,
): SandboxStream | SandboxReply => {
  const byName = catalog.filter((s) => s.name === name);
  if (byName.length === 1 && byName[0] !== undefined) return byName[0];
  const matches = byName.filter((s) => (s.namespace ?? null) === (namespace ?? null));
  const quoted = `name [${name}] and namespace [${typeof namespace === 'string' ? namespace : 'null'}]`;
  const hint =
    'Please call the https://reference.airbyte.com/reference/getstreamproperties endpoint to see the valid stream name and namespace combinations.';
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  return badRequest(
    matches.length > 1
      ? `Multiple streams found with ${quoted}. ${hint}`
      : `No streams found with ${quoted}. ${hint}`,
  );
};

/** Every stream of the catalog as `full_refresh_overwrite`, keeping what discovery says of it. */
export const everyStream = (catalog: ReadonlyArray<SandboxStream>): ReadonlyArray<JsonRecord> =>
  catalog.map((stream) => ({
    name: stream.name,
    syncMode: 'full_refresh_overwrite',
    cursorField: stream.defaultCursorField ?? [],
    primaryKey: stream.sourceDefinedPrimaryKey ?? [],
  }));

/**
 * The configured streams of a create or PATCH; `undefined` when the request configures none (an absent
 * or empty list), which means every stream on create and no change on PATCH.
 */
export const configureStreams = (
  catalog: ReadonlyArray<SandboxStream>,
  destinationModes: ReadonlyArray<DestinationSyncMode>,
  configurations: unknown,
): ReadonlyArray<JsonRecord> | SandboxReply | undefined => {
  if (configurations === undefined || configurations === null) return undefined;
  if (!isRecord(configurations)) return micronautError(400, 'configurations: must be an object');
  const requested = configurations['streams'];
  if (requested === undefined || requested === null) return undefined;
  if (!Array.isArray(requested)) return micronautError(400, 'configurations.streams: must be a list');
  if (requested.length === 0) return undefined;
  const configured: JsonRecord[] = [];
  const seen = new Set<string>();
  for (const item of requested as ReadonlyArray<unknown>) {
    if (!isRecord(item) || typeof item['name'] !== 'string') {
      return micronautError(400, 'configurations.streams[].name: must not be null');
    }
    const stream = findStream(catalog, item['name'], item['namespace']);
    if (isReply(stream)) return stream;
    const result = configure(item, stream, destinationModes);
    if (isReply(result)) return result;
    const namespace = typeof item['namespace'] === 'string' ? item['namespace'] : 'null';
    const identity = `${item['name']}\u0000${namespace}`;
    if (seen.has(identity)) {
      return badRequest(
        `Duplicate stream found in configuration for stream name [${item['name']}] in namespace [${namespace}].`,
      );
    }
    seen.add(identity);
    configured.push(result);
  }
  return configured;
};
