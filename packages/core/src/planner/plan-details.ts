/**
 * The values behind a plan, for a person (or a script) to review before provisioning: what a create or a
 * replace will set, and `old → new` for each value an update changes, stream by stream for a connection.
 * Secrets are named, never shown: `{ path, secret: true }` in place of a value.
 */
import * as O from 'fp-ts/lib/Option.js';
import {
  OPTIONAL_CONNECTION_FIELDS,
  type AirbyteConnection,
  type AirbyteSchedule,
  type AirbyteStream,
  type ConnectionSpec,
} from '../domain/airbyte-state.js';
import type { DesiredActor, DesiredState } from '../domain/desired-state.js';
import type { JsonObject, JsonValue } from '../domain/json.js';
import type { PlannedChange, PlannedValue, StreamChange, ValueChange } from '../domain/planned-change.js';
import { isSecretPath, leaves, valueAt } from './configuration-diff.js';
import type { DeployPlan } from './plan-deploy.js';
import type { ActorAction, ConnectionAction, LocatedState } from './plan.types.js';
import { deployChanges } from './planned-changes.js';

const CONFIGURATION = 'configuration.';

const connectorValue = (actor: DesiredActor): string =>
  actor.connector._tag === 'ConnectorType' ? actor.connector.connectorType : actor.connector.definitionId;

/** Every leaf of the actor's configuration, secrets named only. */
const actorValues = (actor: DesiredActor): ReadonlyArray<PlannedValue> => {
  const secret = isSecretPath(actor.secretPaths);
  return [
    { path: 'connector', value: connectorValue(actor) },
    ...[...leaves(actor.configuration)].map(([path, value]): PlannedValue =>
      secret(path) ? { path: CONFIGURATION + path, secret: true } : { path: CONFIGURATION + path, value },
    ),
  ];
};

const change = (path: string, old: JsonValue | undefined, now: JsonValue | undefined): ValueChange => ({
  path,
  ...(old === undefined ? {} : { old }),
  ...(now === undefined ? {} : { new: now }),
});

const actorValueChanges = (
  desired: DesiredActor,
  current: { readonly name: string; readonly configuration: JsonObject },
  changedFields: ReadonlyArray<string>,
): ReadonlyArray<ValueChange> => {
  const secret = isSecretPath(desired.secretPaths);
  return changedFields.map((field): ValueChange => {
    if (field === 'name') return change('name', current.name, desired.name);
    const path = field.startsWith(CONFIGURATION) ? field.slice(CONFIGURATION.length) : field;
    return secret(path)
      ? { path: field, secret: true }
      : change(field, valueAt(current.configuration, path), valueAt(desired.configuration, path));
  });
};

const actorDetails = (
  action: ActorAction,
  desired: DesiredActor,
  located: O.Option<{ readonly name: string; readonly configuration: JsonObject }>,
): Partial<PlannedChange> => {
  switch (action._tag) {
    case 'Create':
    case 'Replace':
      return { values: actorValues(desired) };
    case 'Update':
      return O.isNone(located)
        ? {}
        : {
            valueChanges: actorValueChanges(desired, located.value, action.changedFields),
            ...(action.secretsUnknown ? { secretsUnknown: true } : {}),
          };
    case 'Noop':
      return {};
  }
};

/** A schedule as one short value: `manual`, `cron <expression>`, `basic <timing>`. */
export const describeSchedule = (schedule: AirbyteSchedule): string =>
  schedule.scheduleType === 'cron'
    ? `cron ${schedule.cronExpression}`
    : schedule.scheduleType === 'basic' && schedule.basicTiming !== undefined
      ? `basic ${schedule.basicTiming}`
      : schedule.scheduleType;

const STREAM_FIELDS = ['syncMode', 'cursorField', 'primaryKey'] as const;

const streamValue = (stream: AirbyteStream, field: (typeof STREAM_FIELDS)[number]): JsonValue | undefined =>
  stream[field];

const streamFields = (
  old: AirbyteStream | undefined,
  now: AirbyteStream | undefined,
): ReadonlyArray<ValueChange> =>
  STREAM_FIELDS.flatMap((field) => {
    const [a, b] = [old && streamValue(old, field), now && streamValue(now, field)];
    return JSON.stringify(a ?? null) === JSON.stringify(b ?? null) ? [] : [change(field, a, b)];
  });

/** Streams added, removed, or with another sync mode, cursor or primary key; unchanged ones are left out. */
export const streamChanges = (
  current: ReadonlyArray<AirbyteStream>,
  wanted: ReadonlyArray<AirbyteStream>,
): ReadonlyArray<StreamChange> => {
  const named = (streams: ReadonlyArray<AirbyteStream>, name: string) => streams.find((s) => s.name === name);
  return [
    ...wanted.flatMap((s): ReadonlyArray<StreamChange> => {
      const before = named(current, s.name);
      if (before === undefined)
        return [{ name: s.name, change: 'added', fields: streamFields(undefined, s) }];
      const fields = streamFields(before, s);
      return fields.length === 0 ? [] : [{ name: s.name, change: 'changed', fields }];
    }),
    ...current
      .filter((s) => named(wanted, s.name) === undefined)
      .map((s): StreamChange => ({ name: s.name, change: 'removed', fields: [] })),
  ];
};

const connectionValues = (spec: ConnectionSpec): ReadonlyArray<PlannedValue> => [
  { path: 'schedule', value: describeSchedule(spec.schedule) },
  { path: 'status', value: spec.status },
  ...OPTIONAL_CONNECTION_FIELDS.flatMap((f) => {
    const value = spec[f];
    return value === undefined ? [] : [{ path: f, value }];
  }),
];

const connectionValueChanges = (
  spec: ConnectionSpec,
  actual: AirbyteConnection,
  changedFields: ReadonlyArray<string>,
): ReadonlyArray<ValueChange> =>
  changedFields.flatMap((field): ReadonlyArray<ValueChange> => {
    switch (field) {
      case 'streams':
        return []; // told stream by stream
      case 'schedule':
        return [change(field, describeSchedule(actual.schedule), describeSchedule(spec.schedule))];
      case 'name':
      case 'status':
      case 'namespaceDefinition':
      case 'namespaceFormat':
      case 'prefix':
      case 'nonBreakingSchemaUpdatesBehavior':
        return [change(field, actual[field], spec[field])];
      default:
        return [{ path: field }];
    }
  });

const connectionDetails = (
  action: ConnectionAction,
  actual: O.Option<AirbyteConnection>,
  streamsFromDiscovery: boolean,
): Partial<PlannedChange> => {
  const discovery = streamsFromDiscovery ? { streamsFromDiscovery: true } : {};
  switch (action._tag) {
    case 'Create':
    case 'Replace':
      return {
        values: connectionValues(action.spec),
        streamChanges: streamChanges([], action.spec.streams),
        ...discovery,
      };
    case 'Update':
      return O.isNone(actual)
        ? {}
        : {
            valueChanges: connectionValueChanges(action.spec, actual.value, action.changedFields),
            streamChanges: streamChanges(actual.value.streams, action.spec.streams),
            ...discovery,
          };
    case 'Noop':
      return streamsFromDiscovery ? discovery : {};
  }
};

/** `deployChanges` with the values: what will be set, and what each changed value was and becomes. */
export const deployChangesInDetail = (
  plan: DeployPlan,
  desired: DesiredState,
  located: LocatedState,
): ReadonlyArray<PlannedChange> => {
  const [source, destination, connection] = deployChanges(plan);
  const fromDiscovery = plan.discover && desired.connection.streams._tag === 'All';
  return [
    { ...source!, ...actorDetails(plan.source, desired.source, located.source) },
    { ...destination!, ...actorDetails(plan.destination, desired.destination, located.destination) },
    { ...connection!, ...connectionDetails(plan.connection, located.connection, fromDiscovery) },
  ];
};
