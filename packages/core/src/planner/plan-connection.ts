/**
 * Rules 2 and 3 for the connection, once the source and destination ids are known: create it, update
 * what the descriptor sets and Airbyte holds differently, or replace it when its source or destination
 * is another actor (Airbyte cannot move a connection).
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  OPTIONAL_CONNECTION_FIELDS,
  optionalConnectionFields,
  type AirbyteConnection,
  type AirbyteSchedule,
  type ConnectionSpec,
  type DiscoveredStream,
} from '../domain/airbyte-state.js';
import type { DesiredConnection, Schedule } from '../domain/desired-state.js';
import type { Problem } from '../errors/problem.js';
import type { ActorAction, ConnectionAction } from './plan.types.js';
import { resolveStreams, sameStreams } from './resolve-streams.js';

export interface ConnectionPlanInput {
  readonly desired: DesiredConnection;
  readonly actual: O.Option<AirbyteConnection>;
  readonly sourceId: string;
  readonly destinationId: string;
  /** The source's streams, when they were discovered for this deploy. */
  readonly catalog: O.Option<ReadonlyArray<DiscoveredStream>>;
}

// Airbyte stores a cron expression with the time zone appended (`0 0 6 * * ?` reads back as
// `0 0 6 * * ? UTC`); without this, an unchanged cron schedule would be rewritten on every deploy.
export const normalizeCron = (expression: string): string =>
  expression
    .trim()
    .split(/\s+/)
    .filter((field, i, all) => !(i === all.length - 1 && i >= 6 && /^utc$/i.test(field)))
    .join(' ');

const sameSchedule = (a: Schedule, b: AirbyteSchedule): boolean =>
  a.scheduleType === 'cron'
    ? b.scheduleType === 'cron' && normalizeCron(b.cronExpression) === normalizeCron(a.cronExpression)
    : b.scheduleType === a.scheduleType;

const changedFields = (spec: ConnectionSpec, actual: AirbyteConnection): ReadonlyArray<string> => [
  ...(spec.name === actual.name ? [] : ['name']),
  ...(sameSchedule(spec.schedule, actual.schedule) ? [] : ['schedule']),
  ...(spec.status === actual.status ? [] : ['status']),
  ...(sameStreams(spec.streams, actual.streams) ? [] : ['streams']),
  // only what the descriptor sets: an omitted field keeps Airbyte's value
  ...OPTIONAL_CONNECTION_FIELDS.filter((f) => spec[f] !== undefined && spec[f] !== actual[f]),
];

const specOf = (input: ConnectionPlanInput, streams: ConnectionSpec['streams']): ConnectionSpec => {
  const d = input.desired;
  return {
    name: d.name,
    sourceId: input.sourceId,
    destinationId: input.destinationId,
    streams,
    schedule: d.schedule,
    status: d.status,
    ...optionalConnectionFields(d),
  };
};

const movedReason = (actual: AirbyteConnection, input: ConnectionPlanInput): O.Option<string> => {
  const moved = [
    ...(actual.sourceId === input.sourceId ? [] : [`source ${actual.sourceId} → ${input.sourceId}`]),
    ...(actual.destinationId === input.destinationId
      ? []
      : [`destination ${actual.destinationId} → ${input.destinationId}`]),
  ];
  return moved.length === 0
    ? O.none
    : O.some(`it must use another ${moved.join(' and ')}, which Airbyte cannot change on a connection`);
};

export const planConnection = (
  input: ConnectionPlanInput,
): E.Either<ReadonlyArray<Problem>, ConnectionAction> => {
  const current = pipe(
    input.actual,
    O.map((c) => c.streams),
    O.getOrElse((): ConnectionSpec['streams'] => []),
  );
  return pipe(
    resolveStreams(input.desired.streams, current, input.catalog),
    E.map((streams): ConnectionAction => {
      const spec = specOf(input, streams);
      if (O.isNone(input.actual)) return { _tag: 'Create', spec };
      const actual = input.actual.value;
      const moved = movedReason(actual, input);
      if (O.isSome(moved)) return { _tag: 'Replace', oldId: actual.id, spec, reason: moved.value };
      const changed = changedFields(spec, actual);
      return changed.length === 0
        ? { _tag: 'Noop', id: actual.id, name: actual.name }
        : { _tag: 'Update', id: actual.id, spec, changedFields: changed };
    }),
  );
};

/** The id an actor will have once its action ran, when it is already known. */
const knownId = (action: ActorAction): O.Option<string> =>
  action._tag === 'Update' || action._tag === 'Noop' ? O.some(action.id) : O.none;

/**
 * Whether the source's streams must be discovered before planning the connection: on create, when the
 * connection moves, when the source changed beyond its name, or when a selected stream is new to it.
 */
export const needsDiscovery = (
  desired: DesiredConnection,
  actual: O.Option<AirbyteConnection>,
  source: ActorAction,
  destination: ActorAction,
): boolean => {
  if (O.isNone(actual)) return true;
  const c = actual.value;
  const sourceId = knownId(source);
  const destinationId = knownId(destination);
  if (O.isNone(sourceId) || sourceId.value !== c.sourceId) return true;
  if (O.isNone(destinationId) || destinationId.value !== c.destinationId) return true;
  if (source._tag === 'Update' && source.changedFields.some((f) => f !== 'name')) return true;
  return (
    desired.streams._tag === 'Selected' &&
    desired.streams.streams.some((s) => !c.streams.some((cs) => cs.name === s.name))
  );
};
