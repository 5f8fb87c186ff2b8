/**
 * Sources and destinations: the same operations on two collections. A connector chosen by type travels as
 * `sourceType`/`destinationType` inside `configuration` (on create and on PUT, as Airbyte's own SDKs send
 * it); one chosen by definition id travels as top-level `definitionId` (create only: PUT has no such field).
 */
import {
  airbyteRejected,
  connectorMismatch,
  logsAt,
  MASKED_SECRET,
  type ActorKind,
  type ActorSpec,
  type AirbyteActor,
  type AirbyteError,
  type JsonObject,
} from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type * as t from 'io-ts';
import { mapCodec } from '../codecs/json-object.codec.js';
import {
  DestinationResponse,
  destinationToActor,
  SourceResponse,
  sourceToActor,
  type ReadActor,
} from '../codecs/actor.codec.js';
import type { AirbyteClient } from '../http/airbyte-client.js';
import { NoContent, type AirbyteRequest } from '../http/airbyte-request.js';
import { redactConfiguration, secretValuesOf } from '../http/redact.js';
import { createOnce } from './create-once.js';
import { notFoundIs } from './either-task.js';
import type { ResolvedGatewayOptions } from './airbyte-gateway-options.js';

interface ActorApi {
  readonly collection: string;
  readonly item: string;
  readonly idParam: string;
  readonly typeField: string;
  readonly codec: t.Type<ReadActor, unknown, unknown>;
}

const API: Readonly<Record<ActorKind, ActorApi>> = {
  source: {
    collection: '/sources',
    item: '/sources/{sourceId}',
    idParam: 'sourceId',
    typeField: 'sourceType',
    codec: mapCodec(SourceResponse, sourceToActor),
  },
  destination: {
    collection: '/destinations',
    item: '/destinations/{destinationId}',
    idParam: 'destinationId',
    typeField: 'destinationType',
    codec: mapCodec(DestinationResponse, destinationToActor),
  },
};

const configurationOf = (api: ActorApi, spec: ActorSpec): JsonObject =>
  spec.connector._tag === 'ConnectorType'
    ? { ...spec.configuration, [api.typeField]: spec.connector.connectorType }
    : spec.configuration;

// the type name keys the core's known secret paths of a connector (none for one chosen by definition id)
const connectorTypeOf = (spec: ActorSpec): string | undefined =>
  spec.connector._tag === 'ConnectorType' ? spec.connector.connectorType : undefined;

/** Where a configuration holds the mask Airbyte answers in place of a secret (dot paths). */
const maskedPaths = (value: unknown, path: string): ReadonlyArray<string> => {
  if (value === MASKED_SECRET) return [path];
  if (Array.isArray(value)) return value.flatMap((item: unknown, i) => maskedPaths(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, child]) => maskedPaths(child, `${path}.${key}`));
  return [];
};

/**
 * The mask is never sent back: Airbyte would store it as the secret on create and on PATCH
 * (SecretsHelpers.mergeNodesExceptForSecrets), and only PUT happens to keep the old one.
 */
const refuseMask = (label: string, configuration: JsonObject): E.Either<AirbyteError, void> => {
  const paths = maskedPaths(configuration, 'configuration');
  return paths.length === 0
    ? E.right(undefined)
    : E.left(
        airbyteRejected(
          400,
          `${label} was not sent: ${paths.join(', ')} holds "${MASKED_SECRET}", the mask Airbyte answers in place of a secret, which it would store as the secret; give the secret itself`,
        ),
      );
};

export const actorOperations = (client: AirbyteClient, options: ResolvedGatewayOptions) => {
  const { workspaceId, logger } = options;

  const findById = async (
    kind: ActorKind,
    id: string,
  ): Promise<E.Either<AirbyteError, O.Option<AirbyteActor>>> => {
    const api = API[kind];
    const result = await client.call({
      method: 'GET',
      template: api.item,
      params: { [api.idParam]: id },
      codec: api.codec,
    });
    if (E.isLeft(result)) return result.left._tag === 'AirbyteNotFound' ? E.right(O.none) : result;
    const { actor } = result.right;
    // another workspace's resource is not ours to manage
    if (actor.workspaceId !== workspaceId) return E.right(O.none);
    if (Object.keys(actor.configuration).length > 0) return E.right(O.some(actor));
    // Airbyte still reads a deleted actor by id, its configuration voided (SourceHandler.deleteSource,
    // SourceServiceJooqImpl.tombstoneSource), and its answer does not say it was deleted; lists do not show
    // it, so an empty configuration is checked against the list
    const live = await listByName(kind, actor.name);
    return E.map((found: ReadonlyArray<ReadActor>) =>
      found.some((r) => r.actor.id === id) ? O.some(actor) : O.none,
    )(live);
  };

  const listByName = async (
    kind: ActorKind,
    name: string,
  ): Promise<E.Either<AirbyteError, ReadonlyArray<ReadActor>>> => {
    const api = API[kind];
    const all = await client.listAll(api.collection, api.codec, [['workspaceIds', workspaceId]]);
    return E.map((items: ReadonlyArray<ReadActor>) =>
      items.filter((r) => r.actor.name === name && r.actor.workspaceId === workspaceId),
    )(all);
  };

  const findByName = async (kind: ActorKind, name: string) =>
    E.map((found: ReadonlyArray<ReadActor>) => found.map((r) => r.actor))(await listByName(kind, name));

  // the redaction walks the whole configuration: done only when the debug line is written (LOG_LEVEL=debug)
  const logWrite = (
    action: string,
    kind: ActorKind,
    spec: ActorSpec,
    configuration: JsonObject,
    id?: string,
  ): void => {
    if (!logsAt(logger, 'debug')) return;
    logger.debug(
      {
        kind,
        name: spec.name,
        ...(id === undefined ? {} : { id }),
        configuration: redactConfiguration(configuration, connectorTypeOf(spec), kind),
      },
      `${action} Airbyte ${kind}`,
    );
  };

  const create = async (kind: ActorKind, spec: ActorSpec): Promise<E.Either<AirbyteError, AirbyteActor>> => {
    const api = API[kind];
    const configuration = configurationOf(api, spec);
    const masked = refuseMask(`POST ${api.collection}`, configuration);
    if (E.isLeft(masked)) return masked;
    logWrite('creating', kind, spec, configuration);
    const request: AirbyteRequest<ReadActor> = {
      method: 'POST',
      template: api.collection,
      body: {
        name: spec.name,
        workspaceId,
        ...(spec.connector._tag === 'DefinitionId' ? { definitionId: spec.connector.definitionId } : {}),
        configuration,
      },
      codec: api.codec,
      secrets: secretValuesOf(configuration, connectorTypeOf(spec), kind),
    };
    // Our create made an actor of this connector: a same-named one of another connector is not ours. It
    // may be the old half of a replace (same name, connector changed), which must never be answered as new.
    return createOnce(
      { ...client.retryDeps, now: options.now },
      {
        label: `POST ${api.collection}`,
        post: () => client.send(request),
        lookup: async () =>
          E.map((found: ReadonlyArray<ReadActor>) =>
            found.filter((r) => O.isNone(connectorMismatch(spec.connector, r.actor))),
          )(await listByName(kind, spec.name)),
        read: (r: ReadActor) => ({ resource: r.actor, createdAt: r.createdAt }),
      },
    );
  };

  const update = async (
    kind: ActorKind,
    id: string,
    spec: ActorSpec,
  ): Promise<E.Either<AirbyteError, AirbyteActor>> => {
    const api = API[kind];
    const configuration = configurationOf(api, spec);
    const masked = refuseMask(`PUT ${api.item.replace(`{${api.idParam}}`, id)}`, configuration);
    if (E.isLeft(masked)) return masked;
    logWrite('replacing', kind, spec, configuration, id);
    const result = await client.call({
      method: 'PUT',
      template: api.item,
      params: { [api.idParam]: id },
      body: { name: spec.name, configuration },
      codec: api.codec,
      secrets: secretValuesOf(configuration, connectorTypeOf(spec), kind),
    });
    return E.map((r: ReadActor) => r.actor)(result);
  };

  const remove = async (kind: ActorKind, id: string): Promise<E.Either<AirbyteError, void>> => {
    const api = API[kind];
    const result = await client.call({
      method: 'DELETE',
      template: api.item,
      params: { [api.idParam]: id },
      codec: NoContent,
    });
    // deleting what is already gone is success
    return notFoundIs<void>(undefined)(result);
  };

  return { findById, findByName, create, update, remove };
};
