/**
 * Connections. PATCH carries every setting the spec sets (always the name, the whole stream list, the
 * schedule and the status) and nothing else, so sending it twice has the same effect as once: it is
 * retried like PUT. The source and destination are never sent on PATCH; Airbyte cannot change them. A
 * connection Airbyte reports as `deprecated` has been deleted and reads as absent.
 */
import {
  optionalConnectionFields,
  type ActorKind,
  type AirbyteConnection,
  type AirbyteError,
  type AirbyteStream,
  type ConnectionSpec,
} from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { ConnectionResponse, toConnection } from '../codecs/connection.codec.js';
import { mapCodec } from '../codecs/json-object.codec.js';
import type { AirbyteClient } from '../http/airbyte-client.js';
import { NoContent } from '../http/airbyte-request.js';
import type { ResolvedGatewayOptions } from './airbyte-gateway-options.js';
import { createOnce } from './create-once.js';
import { notFoundIs } from './either-task.js';

const COLLECTION = '/connections';
const ITEM = '/connections/{connectionId}';

interface ReadConnection {
  readonly connection: AirbyteConnection;
  readonly createdAt?: number;
}

const ReadConnectionCodec = mapCodec(ConnectionResponse, (c): ReadConnection =>
  c.createdAt === undefined
    ? { connection: toConnection(c) }
    : { connection: toConnection(c), createdAt: c.createdAt },
);

const streamBody = (s: AirbyteStream) => ({
  name: s.name,
  ...(s.syncMode === undefined ? {} : { syncMode: s.syncMode }),
  ...(s.cursorField === undefined ? {} : { cursorField: s.cursorField }),
  ...(s.primaryKey === undefined ? {} : { primaryKey: s.primaryKey }),
});

/**
 * PATCH: what the spec sets, and only that (ConnectionPatchRequest has no defaults; an omitted field keeps
 * Airbyte's value, as the planner expects of a setting the descriptor leaves out). The name, the whole
 * stream list, the schedule and the status are always set.
 */
export const connectionPatchBody = (spec: ConnectionSpec) => ({
  name: spec.name,
  configurations: { streams: spec.streams.map(streamBody) },
  schedule:
    spec.schedule.scheduleType === 'cron'
      ? { scheduleType: 'cron', cronExpression: spec.schedule.cronExpression }
      : { scheduleType: 'manual' },
  status: spec.status,
  ...optionalConnectionFields(spec),
});

/**
 * POST: the settings, with what the spec leaves out at ConnectionCreateRequest's documented defaults
 * (namespaceDefinition `destination`, prefix `''`, nonBreakingSchemaUpdatesBehavior `ignore`), sent
 * explicitly so that a new connection does not depend on an install's own defaults.
 */
export const connectionCreateBody = (spec: ConnectionSpec) => {
  const { name, ...settings } = connectionPatchBody(spec);
  return {
    name,
    sourceId: spec.sourceId,
    destinationId: spec.destinationId,
    ...settings,
    namespaceDefinition: spec.namespaceDefinition ?? 'destination',
    prefix: spec.prefix ?? '',
    nonBreakingSchemaUpdatesBehavior: spec.nonBreakingSchemaUpdatesBehavior ?? 'ignore',
  };
};

const isLive = (c: AirbyteConnection): boolean => c.status !== 'deprecated';

export const makeConnectionOperations = (client: AirbyteClient, options: ResolvedGatewayOptions) => {
  const { workspaceId } = options;
  const ours = (c: AirbyteConnection): boolean => c.workspaceId === workspaceId && isLive(c);

  const findById = async (id: string): Promise<E.Either<AirbyteError, O.Option<AirbyteConnection>>> => {
    const result = await client.call({
      method: 'GET',
      template: ITEM,
      params: { connectionId: id },
      codec: ReadConnectionCodec,
    });
    if (E.isLeft(result)) return result.left._tag === 'AirbyteNotFound' ? E.right(O.none) : result;
    return E.right(ours(result.right.connection) ? O.some(result.right.connection) : O.none);
  };

  const listAll = async (): Promise<E.Either<AirbyteError, ReadonlyArray<ReadConnection>>> =>
    E.map((all: ReadonlyArray<ReadConnection>) => all.filter((r) => ours(r.connection)))(
      await client.listAll(COLLECTION, ReadConnectionCodec, [['workspaceIds', workspaceId]]),
    );

  const listWhere = async (keep: (c: AirbyteConnection) => boolean) =>
    E.map((all: ReadonlyArray<ReadConnection>) => all.map((r) => r.connection).filter(keep))(await listAll());

  const findByName = (name: string) => listWhere((c) => c.name === name);

  const findUsing = (kind: ActorKind, actorId: string) =>
    listWhere((c) => (kind === 'source' ? c.sourceId : c.destinationId) === actorId);

  const create = async (spec: ConnectionSpec): Promise<E.Either<AirbyteError, AirbyteConnection>> => {
    const body = connectionCreateBody(spec);
    return createOnce(
      { ...client.retryDeps, now: options.now },
      {
        label: `POST ${COLLECTION}`,
        post: () => client.send({ method: 'POST', template: COLLECTION, body, codec: ReadConnectionCodec }),
        // our create names this source and destination: a same-named connection elsewhere is not ours
        lookup: async () =>
          E.map((all: ReadonlyArray<ReadConnection>) =>
            all.filter(
              ({ connection }) =>
                connection.name === spec.name &&
                connection.sourceId === spec.sourceId &&
                connection.destinationId === spec.destinationId,
            ),
          )(await listAll()),
        read: (r: ReadConnection) => ({ resource: r.connection, createdAt: r.createdAt }),
      },
    );
  };

  const update = async (
    id: string,
    spec: ConnectionSpec,
  ): Promise<E.Either<AirbyteError, AirbyteConnection>> =>
    E.map((r: ReadConnection) => r.connection)(
      await client.call({
        method: 'PATCH',
        template: ITEM,
        params: { connectionId: id },
        body: connectionPatchBody(spec),
        codec: ReadConnectionCodec,
      }),
    );

  const remove = async (id: string): Promise<E.Either<AirbyteError, void>> => {
    const result = await client.call({
      method: 'DELETE',
      template: ITEM,
      params: { connectionId: id },
      codec: NoContent,
    });
    return notFoundIs<void>(undefined)(result);
  };

  return { findById, findByName, findUsing, create, update, remove };
};
