/**
 * The Airbyte workload `specific` of a component, compatible with the Witboost Airbyte template. Unknown
 * keys are tolerated; the shapes of known keys are enforced. Cross-field rules live in workload-rules.ts.
 */
import * as t from 'io-ts';
import { syncModes, type SyncMode } from '../domain/desired-state.js';

const NonEmptyString = t.refinement(t.string, (s) => s.trim().length > 0, 'a non-empty string');
const Uuid = t.refinement(
  t.string,
  (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  'a UUID',
);
// Named codecs: their names are what a problem says was expected ("must be a mapping, got a list").
// A connector configuration holds secrets: a wrong one is described by its kind, never quoted.
const kindOf = (u: unknown): string =>
  Array.isArray(u) ? 'a list' : u === null ? 'null' : `a ${typeof u === 'object' ? 'mapping' : typeof u}`;
const ConfigurationObject = new t.Type<Record<string, unknown>, Record<string, unknown>, unknown>(
  'a mapping',
  t.UnknownRecord.is,
  (u, c) =>
    t.UnknownRecord.is(u)
      ? t.success(u)
      : u === undefined
        ? t.failure(u, c)
        : t.failure(u, c, `must be a mapping of the connector's settings, got ${kindOf(u)}`),
  t.identity,
);
const StringList = t.array(t.string, 'a list of strings');
const named = <A>(codec: t.Type<A, A, unknown>, name: string): t.Type<A, A, unknown> =>
  new t.Type(name, codec.is, codec.validate, t.identity);
const Text = named(t.string, 'a string');
const Flag = named(t.boolean, 'true or false');

/** `true`/`false` are the first form: true = always, false = never. */
const syncPolicies = t.union([
  t.boolean,
  t.keyof({ never: null, onCreate: null, onChange: null, always: null }),
]);
// a Type of its own, so that a wrong value is reported once with every accepted form, not per union member
const SyncOnProvisionCodec = new t.Type<
  t.TypeOf<typeof syncPolicies>,
  t.TypeOf<typeof syncPolicies>,
  unknown
>(
  'never, onCreate, onChange or always (true = always, false = never)',
  syncPolicies.is,
  (u, c) => (syncPolicies.is(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
const PositiveSeconds = named(
  t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1 && n <= 7 * 24 * 3600),
  'a whole number of seconds from 1 to 604800',
);

export const SyncModeCodec = t.keyof(
  Object.fromEntries(syncModes.map((mode) => [mode, null])) as Record<SyncMode, null>,
);

export const StreamSpec = t.intersection(
  [
    t.type({ name: NonEmptyString }, 'a mapping with name and optional syncMode, cursorField, primaryKey'),
    t.partial({
      syncMode: SyncModeCodec,
      cursorField: StringList,
      primaryKey: t.array(StringList, 'a list of lists of strings'),
    }),
  ],
  'a mapping with name and optional syncMode, cursorField, primaryKey',
);
export type StreamSpec = t.TypeOf<typeof StreamSpec>;

export const ScheduleSpec = t.intersection(
  [
    t.type(
      { scheduleType: t.keyof({ manual: null, cron: null }) },
      'a mapping with scheduleType and optional cronExpression',
    ),
    t.partial({ cronExpression: named(t.string, 'a string such as "0 0 12 * * ?"') }),
  ],
  'a mapping with scheduleType and optional cronExpression',
);

export const SourceSpec = t.intersection(
  [
    t.type(
      { name: NonEmptyString, connectionConfiguration: ConfigurationObject },
      'a mapping with name and connectionConfiguration',
    ),
    t.partial({ sourceType: NonEmptyString, definitionId: Uuid }),
  ],
  'a mapping with name and connectionConfiguration',
);
export type SourceSpec = t.TypeOf<typeof SourceSpec>;

export const DestinationSpec = t.intersection(
  [
    t.type(
      { name: NonEmptyString, connectionConfiguration: ConfigurationObject },
      'a mapping with name and connectionConfiguration',
    ),
    t.partial({ destinationType: NonEmptyString, definitionId: Uuid }),
  ],
  'a mapping with name and connectionConfiguration',
);
export type DestinationSpec = t.TypeOf<typeof DestinationSpec>;

export const ConnectionSpecCodec = t.intersection(
  [
    t.type({ name: NonEmptyString }, 'a mapping with name'),
    t.partial({
      streams: t.array(StreamSpec, 'a list of streams'),
      schedule: ScheduleSpec,
      status: t.keyof({ active: null, inactive: null }),
      namespaceDefinition: t.keyof({ source: null, destination: null, custom_format: null }),
      namespaceFormat: Text,
      prefix: Text,
      nonBreakingSchemaUpdatesBehavior: t.keyof({
        ignore: null,
        disable_connection: null,
        propagate_columns: null,
        propagate_fully: null,
      }),
      syncOnProvision: SyncOnProvisionCodec,
      waitForSync: Flag,
      syncTimeoutSeconds: PositiveSeconds,
      onSyncTimeout: named(t.keyof({ fail: null, warn: null }), 'fail or warn'),
      dbtGitUrl: Text,
    }),
  ],
  'a mapping with name',
);
export type ConnectionSpecInput = t.TypeOf<typeof ConnectionSpecCodec>;

export const WorkloadSpecific = t.type(
  {
    source: SourceSpec,
    destination: DestinationSpec,
    connection: ConnectionSpecCodec,
  },
  'a mapping with source, destination and connection',
);
export type WorkloadSpecific = t.TypeOf<typeof WorkloadSpecific>;

/** File source enumerations (Airbyte's source-file connector). */
export const fileFormats = [
  'csv',
  'json',
  'jsonl',
  'excel',
  'excel_binary',
  'fwf',
  'feather',
  'parquet',
  'yaml',
];
export const fileStorages = ['HTTPS', 'GCS', 'S3', 'AzBlob', 'SSH', 'SCP', 'SFTP', 'local'];
