/** SourceResponse and DestinationResponse, and how they read as the domain's AirbyteActor. */
import type { AirbyteActor } from '@airbyte-provisioner/core';
import * as t from 'io-ts';
import { JsonObjectCodec } from './json-object.codec.js';

const common = {
  name: t.string,
  definitionId: t.string,
  workspaceId: t.string,
  configuration: JsonObjectCodec,
};
// createdAt is required by the spec but only used to recognise our own lost creates: tolerate its absence
const optional = t.partial({ createdAt: t.number });

export const SourceResponse = t.intersection([
  t.type({ sourceId: t.string, sourceType: t.string, ...common }),
  optional,
]);
export type SourceResponse = t.TypeOf<typeof SourceResponse>;

export const DestinationResponse = t.intersection([
  t.type({ destinationId: t.string, destinationType: t.string, ...common }),
  optional,
]);
export type DestinationResponse = t.TypeOf<typeof DestinationResponse>;

/** An actor as read, with the creation time needed to recognise a create whose answer was lost. */
export interface ReadActor {
  readonly actor: AirbyteActor;
  readonly createdAt?: number;
}

const withCreatedAt = (actor: AirbyteActor, createdAt: number | undefined): ReadActor =>
  createdAt === undefined ? { actor } : { actor, createdAt };

export const sourceToActor = (s: SourceResponse): ReadActor =>
  withCreatedAt(
    {
      kind: 'source',
      id: s.sourceId,
      name: s.name,
      workspaceId: s.workspaceId,
      connectorType: s.sourceType,
      definitionId: s.definitionId,
      configuration: s.configuration,
    },
    s.createdAt,
  );

export const destinationToActor = (d: DestinationResponse): ReadActor =>
  withCreatedAt(
    {
      kind: 'destination',
      id: d.destinationId,
      name: d.name,
      workspaceId: d.workspaceId,
      connectorType: d.destinationType,
      definitionId: d.definitionId,
      configuration: d.configuration,
    },
    d.createdAt,
  );
