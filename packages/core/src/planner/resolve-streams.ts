/**
 * The stream list a connection must hold. `All` follows the discovered catalog (or keeps the current list
 * when nothing was discovered); `Selected` takes what the descriptor sets and keeps Airbyte's current value
 * for what it leaves out, so an omitted field is never a difference.
 */
import * as A from 'fp-ts/lib/Array.js';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { AirbyteStream, DiscoveredStream } from '../domain/airbyte-state.js';
import type { DesiredConnection, StreamSelection, SyncMode } from '../domain/desired-state.js';
import { problem, type Problem } from '../errors/problem.js';
import { jsonEqual } from './configuration-diff.js';

const PREFERRED_MODE: SyncMode = 'full_refresh_overwrite';

/** Prefer a full refresh that overwrites; else the first mode the source/destination pair offers. */
export const pickSyncMode = (stream: DiscoveredStream): SyncMode =>
  stream.syncModes.includes(PREFERRED_MODE) ? PREFERRED_MODE : (stream.syncModes[0] ?? PREFERRED_MODE);

const fromCatalog = (d: DiscoveredStream): AirbyteStream => {
  const syncMode = pickSyncMode(d);
  const incremental = syncMode.startsWith('incremental');
  return {
    name: d.name,
    syncMode,
    ...(incremental && d.defaultCursorField !== undefined ? { cursorField: d.defaultCursorField } : {}),
    ...(incremental && d.sourceDefinedPrimaryKey !== undefined
      ? { primaryKey: d.sourceDefinedPrimaryKey }
      : {}),
  };
};

const byName = <S extends { readonly name: string }>(
  streams: ReadonlyArray<S>,
  name: string,
): S | undefined => streams.find((s) => s.name === name);

const STREAMS_PATH = 'specific.connection.streams';

const selectedStream = (
  selection: StreamSelection,
  index: number,
  current: ReadonlyArray<AirbyteStream>,
  catalog: O.Option<ReadonlyArray<DiscoveredStream>>,
): E.Either<ReadonlyArray<Problem>, AirbyteStream> => {
  const base = byName(current, selection.name);
  const offered = O.isSome(catalog) ? byName(catalog.value, selection.name) : undefined;
  if (O.isSome(catalog) && offered === undefined)
    return E.left([
      problem(
        `${STREAMS_PATH}[${index}].name`,
        `the source offers no stream named "${selection.name}" (it offers: ${
          catalog.value.map((s) => s.name).join(', ') || 'none'
        })`,
      ),
    ]);
  if (
    offered !== undefined &&
    selection.syncMode !== undefined &&
    offered.syncModes.length > 0 &&
    !offered.syncModes.includes(selection.syncMode)
  )
    return E.left([
      problem(
        `${STREAMS_PATH}[${index}].syncMode`,
        `stream "${selection.name}" does not support ${selection.syncMode} (it supports: ${offered.syncModes.join(', ')})`,
      ),
    ]);
  const syncMode =
    selection.syncMode ?? base?.syncMode ?? (offered === undefined ? PREFERRED_MODE : pickSyncMode(offered));
  const cursorField = selection.cursorField ?? base?.cursorField;
  const primaryKey = selection.primaryKey ?? base?.primaryKey;
  return E.right({
    name: selection.name,
    syncMode,
    ...(cursorField === undefined ? {} : { cursorField }),
    ...(primaryKey === undefined ? {} : { primaryKey }),
  });
};

export const resolveStreams = (
  desired: DesiredConnection['streams'],
  current: ReadonlyArray<AirbyteStream>,
  catalog: O.Option<ReadonlyArray<DiscoveredStream>>,
): E.Either<ReadonlyArray<Problem>, ReadonlyArray<AirbyteStream>> => {
  switch (desired._tag) {
    case 'All':
      return E.right(
        O.isNone(catalog) ? current : catalog.value.map((d) => byName(current, d.name) ?? fromCatalog(d)),
      );
    case 'Selected': {
      const results = desired.streams.map((s, i) => selectedStream(s, i, current, catalog));
      const problems = A.flatten(results.map((r) => (E.isLeft(r) ? [...r.left] : [])));
      return problems.length > 0 ? E.left(problems) : E.right(A.rights(results));
    }
  }
};

const sameStream = (a: AirbyteStream, b: AirbyteStream): boolean =>
  a.syncMode === b.syncMode &&
  jsonEqual(a.cursorField ?? null, b.cursorField ?? null) &&
  jsonEqual(a.primaryKey ?? null, b.primaryKey ?? null);

/** Same stream names with the same settings, in any order. */
export const sameStreams = (a: ReadonlyArray<AirbyteStream>, b: ReadonlyArray<AirbyteStream>): boolean =>
  a.length === b.length &&
  a.every((s) => {
    const other = byName(b, s.name);
    return other !== undefined && sameStream(s, other);
  });
