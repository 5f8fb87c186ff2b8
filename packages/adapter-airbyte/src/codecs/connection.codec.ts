/**
 * ConnectionResponse and how it reads as the domain's AirbyteConnection. Enumerations Airbyte may extend
 * (sync modes, namespace and schema-change settings) are read as strings: an unknown value reads as absent,
 * which the planner sees as a difference to correct, instead of failing every read.
 */
import {
  syncModes,
  type AirbyteConnection,
  type AirbyteSchedule,
  type AirbyteStream,
  type NamespaceDefinition,
  type NonBreakingSchemaUpdatesBehavior,
} from '@airbyte-provisioner/core';
import * as t from 'io-ts';
import { knownOrUndefined } from './json-object.codec.js';

const NAMESPACE_DEFINITIONS: ReadonlyArray<NamespaceDefinition> = ['source', 'destination', 'custom_format'];
const NON_BREAKING: ReadonlyArray<NonBreakingSchemaUpdatesBehavior> = [
  'ignore',
  'disable_connection',
  'propagate_columns',
  'propagate_fully',
];

const StringList = t.array(t.string);

export const StreamConfiguration = t.intersection([
  t.type({ name: t.string }),
  t.partial({ syncMode: t.string, cursorField: StringList, primaryKey: t.array(StringList) }),
]);
export type StreamConfiguration = t.TypeOf<typeof StreamConfiguration>;

const Schedule = t.intersection([
  t.type({ scheduleType: t.keyof({ manual: null, cron: null, basic: null }) }),
  t.partial({ cronExpression: t.string, basicTiming: t.string }),
]);

export const ConnectionResponse = t.intersection([
  t.type({
    connectionId: t.string,
    name: t.string,
    sourceId: t.string,
    destinationId: t.string,
    workspaceId: t.string,
    status: t.keyof({ active: null, inactive: null, deprecated: null, locked: null }),
    schedule: Schedule,
  }),
  t.partial({
    configurations: t.partial({ streams: t.array(StreamConfiguration) }),
    namespaceDefinition: t.string,
    namespaceFormat: t.string,
    prefix: t.string,
    nonBreakingSchemaUpdatesBehavior: t.string,
    createdAt: t.number,
  }),
]);
export type ConnectionResponse = t.TypeOf<typeof ConnectionResponse>;

const toSchedule = (s: t.TypeOf<typeof Schedule>): AirbyteSchedule => {
  switch (s.scheduleType) {
    case 'manual':
      return { scheduleType: 'manual' };
    case 'cron':
      return { scheduleType: 'cron', cronExpression: s.cronExpression ?? '' };
    case 'basic':
      return s.basicTiming === undefined
        ? { scheduleType: 'basic' }
        : { scheduleType: 'basic', basicTiming: s.basicTiming };
  }
};

const toStream = (s: StreamConfiguration): AirbyteStream => {
  const syncMode = knownOrUndefined(syncModes, s.syncMode);
  return {
    name: s.name,
    ...(syncMode === undefined ? {} : { syncMode }),
    // Airbyte reports "none" as an empty list; read it as absent, as the domain declares it
    ...(s.cursorField === undefined || s.cursorField.length === 0 ? {} : { cursorField: s.cursorField }),
    ...(s.primaryKey === undefined || s.primaryKey.length === 0 ? {} : { primaryKey: s.primaryKey }),
  };
};

export const toConnection = (c: ConnectionResponse): AirbyteConnection => {
  const namespaceDefinition = knownOrUndefined(NAMESPACE_DEFINITIONS, c.namespaceDefinition);
  const nonBreaking = knownOrUndefined(NON_BREAKING, c.nonBreakingSchemaUpdatesBehavior);
  return {
    id: c.connectionId,
    name: c.name,
    workspaceId: c.workspaceId,
    sourceId: c.sourceId,
    destinationId: c.destinationId,
    status: c.status,
    schedule: toSchedule(c.schedule),
    streams: (c.configurations?.streams ?? []).map(toStream),
    ...(namespaceDefinition === undefined ? {} : { namespaceDefinition }),
    ...(c.namespaceFormat === undefined ? {} : { namespaceFormat: c.namespaceFormat }),
    ...(c.prefix === undefined ? {} : { prefix: c.prefix }),
    ...(nonBreaking === undefined ? {} : { nonBreakingSchemaUpdatesBehavior: nonBreaking }),
  };
};
