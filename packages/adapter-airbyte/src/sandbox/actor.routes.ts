/**
 * Sources and destinations: the same rules with different field names (`sourceId`/`sourceType` against
 * `destinationId`/`destinationType`), after airbyte-server publicapi SourcesController/DestinationsController
 * and airbyte-commons-server SourceHandler/DestinationHandler. Create answers 200 (not 201), delete 204.
 * Deleting marks the actor as a tombstone with its configuration voided (SourceServiceJooqImpl.tombstoneSource)
 * after deleting the connections that use it (SourceHandler.deleteSource); reading it by id still answers
 * 200, lists hide it unless `includeDeleted=true`, and deleting it again succeeds.
 */
import {
  connectorByDefinition,
  connectorByType,
  type ActorKind,
  type ConnectorType,
} from './connector-types.js';
import { deleteConnectionsOf } from './connection-store.js';
import { checkConnectorSpec } from './connector-spec.js';
import { isReply, listInWorkspaces } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import {
  forbidden,
  micronautError,
  noContent,
  ok,
  resourceNotFound,
  unknownValue,
  unprocessableEntity,
  type SandboxReply,
} from './sandbox-reply.js';
import { epochSeconds, type SandboxState, type StoredActor } from './sandbox-state.js';
import { isRecord, keepMaskedSecrets, maskConfiguration, mergeForPatch, type JsonRecord } from './secrets.js';

interface ActorNames {
  readonly kind: ActorKind;
  readonly idField: string;
  readonly typeField: string;
  readonly idParam: string;
}

const NAMES: Readonly<Record<ActorKind, ActorNames>> = {
  source: { kind: 'source', idField: 'sourceId', typeField: 'sourceType', idParam: 'sourceId' },
  destination: {
    kind: 'destination',
    idField: 'destinationId',
    typeField: 'destinationType',
    idParam: 'destinationId',
  },
};

const storeOf = (state: SandboxState, kind: ActorKind): Map<string, StoredActor> =>
  kind === 'source' ? state.sources : state.destinations;

export const actorView = (names: ActorNames, actor: StoredActor): Record<string, unknown> => ({
  [names.idField]: actor.id,
  name: actor.name,
  [names.typeField]: actor.connector.type,
  definitionId: actor.connector.definitionId,
  workspaceId: actor.workspaceId,
  // a tombstone's configuration is voided
  configuration: actor.deleted ? {} : maskConfiguration(actor.configuration, actor.connector),
  createdAt: actor.createdAt,
  ...(actor.resourceAllocation === undefined ? {} : { resourceAllocation: actor.resourceAllocation }),
});

export const sourceView = (actor: StoredActor): Record<string, unknown> => actorView(NAMES.source, actor);
export const destinationView = (actor: StoredActor): Record<string, unknown> =>
  actorView(NAMES.destination, actor);

/**
 * The actor with this id that the caller may see, or a 404 problem. A deleted one is found too (the server
 * reads tombstones by id) unless `live` is asked for.
 */
export const findActor = (
  context: RouteContext,
  kind: ActorKind,
  id: string | undefined,
  { live = false }: { readonly live?: boolean } = {},
): StoredActor | SandboxReply => {
  const actor = id === undefined ? undefined : storeOf(context.state, kind).get(id);
  if (actor === undefined || (live && actor.deleted) || !context.access.has(actor.workspaceId)) {
    return resourceNotFound(kind, id ?? '');
  }
  return actor;
};

const missingFields = (body: Readonly<Record<string, unknown>>, fields: ReadonlyArray<string>): string[] =>
  fields.filter((field) => body[field] === undefined || body[field] === null);

// the request models are bound by Micronaut before a controller runs: a wrong type is its 400
const checkBodyTypes = (body: Readonly<Record<string, unknown>>): SandboxReply | undefined => {
  const wrong = (field: string, type: string) => micronautError(400, `${field}: must be ${type}`);
  if (body['name'] !== undefined && typeof body['name'] !== 'string') return wrong('name', 'a string');
  if (body['configuration'] !== undefined && !isRecord(body['configuration']))
    return wrong('configuration', 'an object');
  if (body['workspaceId'] !== undefined && typeof body['workspaceId'] !== 'string')
    return wrong('workspaceId', 'a string');
  if (body['definitionId'] !== undefined && typeof body['definitionId'] !== 'string')
    return wrong('definitionId', 'a string');
  return undefined;
};

/**
 * SourcesController.publicCreateSource: `definitionId` wins; without it, the type name inside the
 * configuration picks the definition (UnknownValueProblem when no definition has that name), and with
 * neither the body cannot be mapped (UnprocessableEntityProblem without a message).
 */
const resolveConnector = (
  names: ActorNames,
  body: Readonly<Record<string, unknown>>,
  configuration: JsonRecord,
): ConnectorType | SandboxReply => {
  const definitionId = body['definitionId'];
  if (typeof definitionId === 'string') {
    return (
      connectorByDefinition(names.kind, definitionId) ??
      resourceNotFound(`${names.kind}_definition`, definitionId)
    );
  }
  const typeName = configuration[names.typeField];
  if (typeName === undefined || typeName === null) return unprocessableEntity();
  const name = typeof typeName === 'string' ? typeName : JSON.stringify(typeName);
  return connectorByType(names.kind, name) ?? unknownValue(name);
};

/** Airbyte stores a configuration without its type discriminator and never answers with it. */
const withoutTypeField = (names: ActorNames, configuration: JsonRecord): JsonRecord => {
  const { [names.typeField]: _type, ...rest } = configuration;
  return rest;
};

const readObjectBody = (context: RouteContext): Readonly<Record<string, unknown>> | SandboxReply =>
  isRecord(context.body)
    ? context.body
    : micronautError(400, 'Required argument [body] not specified or not a JSON object');

const missingReply = (missing: ReadonlyArray<string>): SandboxReply =>
  micronautError(400, `Missing required creator property: ${missing.join(', ')}`);

const makeCreate =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const body = readObjectBody(context);
    if (isReply(body)) return body;
    const missing = missingFields(body, ['name', 'workspaceId', 'configuration']);
    if (missing.length > 0) return missingReply(missing);
    const typeError = checkBodyTypes(body);
    if (typeError !== undefined) return typeError;
    const workspaceId = body['workspaceId'] as string;
    if (context.state.workspaces.get(workspaceId)?.deleted !== false)
      return resourceNotFound('workspace', workspaceId);
    if (!context.access.has(workspaceId))
      return forbidden(`Not allowed to write to workspace ${workspaceId}`);
    const connector = resolveConnector(names, body, body['configuration'] as JsonRecord);
    if (isReply(connector)) return connector;
    // removeSourceTypeNode: the type name is gone before the spec is checked and the actor stored
    const configuration = withoutTypeField(names, body['configuration'] as JsonRecord);
    const specError = checkConnectorSpec(connector, configuration);
    if (specError !== undefined) return specError;
    const actor: StoredActor = {
      id: context.state.newId(),
      connector,
      workspaceId,
      name: body['name'] as string,
      configuration,
      createdAt: epochSeconds(context.state),
      deleted: false,
      ...(body['resourceAllocation'] === undefined
        ? {}
        : { resourceAllocation: body['resourceAllocation'] as JsonRecord }),
    };
    storeOf(context.state, names.kind).set(actor.id, actor);
    return ok(actorView(names, actor));
  };

const makeGet =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const actor = findActor(context, names.kind, context.params[names.idParam]);
    return isReply(actor) ? actor : ok(actorView(names, actor));
  };

const makeList =
  (names: ActorNames): RouteHandler =>
  (context) =>
    listInWorkspaces(context, storeOf(context.state, names.kind).values(), (actor) =>
      actorView(names, actor),
    );

const makePut =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const actor = findActor(context, names.kind, context.params[names.idParam]);
    if (isReply(actor)) return actor;
    const body = readObjectBody(context);
    if (isReply(body)) return body;
    const missing = missingFields(body, ['name', 'configuration']);
    if (missing.length > 0) return missingReply(missing);
    const typeError = checkBodyTypes(body);
    if (typeError !== undefined) return typeError;
    const configuration = keepMaskedSecrets(
      body['configuration'] as JsonRecord,
      actor.configuration,
    ) as JsonRecord;
    // the controller drops the type name before the handler sees the configuration
    const error = checkConnectorSpec(actor.connector, withoutTypeField(names, configuration));
    if (error !== undefined) return error;
    actor.name = body['name'] as string;
    actor.configuration = withoutTypeField(names, configuration);
    if (body['resourceAllocation'] === undefined) delete actor.resourceAllocation;
    else actor.resourceAllocation = body['resourceAllocation'] as JsonRecord;
    return ok(actorView(names, actor));
  };

const makePatch =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const actor = findActor(context, names.kind, context.params[names.idParam]);
    if (isReply(actor)) return actor;
    const body = readObjectBody(context);
    if (isReply(body)) return body;
    const typeError = checkBodyTypes(body);
    if (typeError !== undefined) return typeError;
    // ConfigurationUpdate.partialSource: no secret kept on PATCH, a mask sent back overwrites the secret
    const configuration =
      body['configuration'] === undefined
        ? actor.configuration
        : mergeForPatch(actor.configuration, withoutTypeField(names, body['configuration'] as JsonRecord));
    const error = checkConnectorSpec(actor.connector, configuration);
    if (error !== undefined) return error;
    if (typeof body['name'] === 'string') actor.name = body['name'];
    actor.configuration = withoutTypeField(names, configuration);
    if (body['resourceAllocation'] !== undefined)
      actor.resourceAllocation = body['resourceAllocation'] as JsonRecord;
    return ok(actorView(names, actor));
  };

const makeDelete =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const actor = findActor(context, names.kind, context.params[names.idParam]);
    if (isReply(actor)) return actor;
    actor.deleted = true;
    // the connections go first, so that a delete failing half-way leaves the actor visible
    deleteConnectionsOf(
      context.state,
      (c) => (names.kind === 'source' ? c.sourceId : c.destinationId) === actor.id,
    );
    return noContent;
  };

export interface ActorRoutes {
  readonly list: RouteHandler;
  readonly create: RouteHandler;
  readonly get: RouteHandler;
  readonly put: RouteHandler;
  readonly patch: RouteHandler;
  readonly remove: RouteHandler;
}

const routesFor = (names: ActorNames): ActorRoutes => ({
  list: makeList(names),
  create: makeCreate(names),
  get: makeGet(names),
  put: makePut(names),
  patch: makePatch(names),
  remove: makeDelete(names),
});

export const sourceRoutes: ActorRoutes = routesFor(NAMES.source);
export const destinationRoutes: ActorRoutes = routesFor(NAMES.destination);
