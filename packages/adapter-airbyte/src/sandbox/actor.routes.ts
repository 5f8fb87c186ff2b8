/**
 * Sources and destinations: the same rules with different field names (`sourceId`/`sourceType` against
 * `destinationId`/`destinationType`). Create answers 200 (not 201), delete 204, and deleting an actor
 * deletes the connections that use it.
 */
import {
  connectorByDefinition,
  connectorByType,
  type ActorKind,
  type ConnectorType,
} from './connector-types.js';
import { deleteConnectionsOf } from './connection-store.js';
import { isReply, pageOf, readBoolean, readPage, readWorkspaceFilter } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import { noContent, ok, problem, type SandboxReply } from './sandbox-reply.js';
import { epochSeconds, type SandboxState, type StoredActor } from './sandbox-state.js';
import { isRecord, keepMaskedSecrets, maskConfiguration, type JsonRecord } from './secrets.js';

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
  configuration: maskConfiguration(actor.configuration, actor.connector),
  createdAt: actor.createdAt,
  ...(actor.resourceAllocation === undefined ? {} : { resourceAllocation: actor.resourceAllocation }),
});

export const sourceView = (actor: StoredActor): Record<string, unknown> => actorView(NAMES.source, actor);
export const destinationView = (actor: StoredActor): Record<string, unknown> =>
  actorView(NAMES.destination, actor);

/** The live actor with this id that the caller may see, or a 404 problem. */
export const findActor = (
  context: RouteContext,
  kind: ActorKind,
  id: string | undefined,
): StoredActor | SandboxReply => {
  const actor = id === undefined ? undefined : storeOf(context.state, kind).get(id);
  if (actor === undefined || actor.deleted || !context.access.has(actor.workspaceId)) {
    return problem(404, `${kind === 'source' ? 'Source' : 'Destination'} ${id ?? ''} not found`);
  }
  return actor;
};

const missingFields = (body: Readonly<Record<string, unknown>>, fields: ReadonlyArray<string>): string[] =>
  fields.filter((field) => body[field] === undefined || body[field] === null);

const checkBodyTypes = (body: Readonly<Record<string, unknown>>): SandboxReply | undefined => {
  if (body['name'] !== undefined && typeof body['name'] !== 'string')
    return problem(400, 'name must be a string');
  if (body['configuration'] !== undefined && !isRecord(body['configuration'])) {
    return problem(400, 'configuration must be an object');
  }
  if (body['workspaceId'] !== undefined && typeof body['workspaceId'] !== 'string') {
    return problem(400, 'workspaceId must be a string');
  }
  if (body['definitionId'] !== undefined && typeof body['definitionId'] !== 'string') {
    return problem(400, 'definitionId must be a string');
  }
  return undefined;
};

const checkConnectorSpec = (
  connector: ConnectorType,
  configuration: JsonRecord,
): SandboxReply | undefined => {
  const missing = connector.requiredFields.filter((field) => configuration[field] === undefined);
  return missing.length === 0
    ? undefined
    : problem(
        400,
        `The provided configuration does not fulfill the specification. Errors: ${missing
          .map((field) => `required property '${field}' not found`)
          .join(', ')}`,
      );
};

const resolveConnector = (
  names: ActorNames,
  body: Readonly<Record<string, unknown>>,
  configuration: JsonRecord,
): ConnectorType | SandboxReply => {
  const definitionId = body['definitionId'];
  const typeName = configuration[names.typeField];
  if (definitionId === undefined && typeName === undefined) {
    return problem(
      422,
      `One of definitionId or configuration.${names.typeField} must be provided to create a ${names.kind}`,
    );
  }
  const byType = typeof typeName === 'string' ? connectorByType(names.kind, typeName) : undefined;
  if (typeName !== undefined && byType === undefined) {
    return problem(400, `Unknown ${names.typeField} ${JSON.stringify(typeName)}`);
  }
  if (typeof definitionId !== 'string') return byType as ConnectorType;
  const byDefinition = connectorByDefinition(names.kind, definitionId);
  if (byDefinition === undefined) return problem(404, `${names.kind} definition ${definitionId} not found`);
  if (byType !== undefined && byType !== byDefinition) {
    return problem(400, `definitionId ${definitionId} is not a ${JSON.stringify(typeName)} ${names.kind}`);
  }
  return byDefinition;
};

/** Airbyte stores a configuration without its type discriminator and never answers with it. */
const withoutTypeField = (names: ActorNames, configuration: JsonRecord): JsonRecord => {
  const { [names.typeField]: _type, ...rest } = configuration;
  return rest;
};

const readObjectBody = (context: RouteContext): Readonly<Record<string, unknown>> | SandboxReply =>
  isRecord(context.body) ? context.body : problem(400, 'The request body must be a JSON object');

const makeCreate =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const body = readObjectBody(context);
    if (isReply(body)) return body;
    const missing = missingFields(body, ['name', 'workspaceId', 'configuration']);
    if (missing.length > 0) return problem(400, `Missing required field(s): ${missing.join(', ')}`);
    const typeError = checkBodyTypes(body);
    if (typeError !== undefined) return typeError;
    const workspaceId = body['workspaceId'] as string;
    if (!context.state.workspaces.has(workspaceId)) return problem(404, `Workspace ${workspaceId} not found`);
    if (!context.access.has(workspaceId))
      return problem(403, `Not allowed to write to workspace ${workspaceId}`);
    const configuration = body['configuration'] as JsonRecord;
    const connector = resolveConnector(names, body, configuration);
    if (isReply(connector)) return connector;
    const specError = checkConnectorSpec(connector, configuration);
    if (specError !== undefined) return specError;
    const actor: StoredActor = {
      id: context.state.newId(),
      connector,
      workspaceId,
      name: body['name'] as string,
      configuration: withoutTypeField(names, configuration),
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
  (context) => {
    const page = readPage(context.query);
    if (isReply(page)) return page;
    const includeDeleted = readBoolean(context.query, 'includeDeleted');
    if (isReply(includeDeleted)) return includeDeleted;
    const workspaces = readWorkspaceFilter(context);
    if (isReply(workspaces)) return workspaces;
    const matching = [...storeOf(context.state, names.kind).values()].filter(
      (actor) => workspaces.has(actor.workspaceId) && (includeDeleted || !actor.deleted),
    );
    const { data, ...links } = pageOf(context, matching, page);
    return ok({ ...links, data: data.map((actor) => actorView(names, actor)) });
  };

/** A type discriminator sent on update must name the actor's own connector: the type cannot change. */
const checkSameType = (
  names: ActorNames,
  actor: StoredActor,
  configuration: JsonRecord,
): SandboxReply | undefined => {
  const typeName = configuration[names.typeField];
  return typeName === undefined || typeName === actor.connector.type
    ? undefined
    : problem(
        400,
        `The ${names.typeField} of ${names.kind} ${actor.id} is ${actor.connector.type} and cannot change`,
      );
};

const makePut =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const actor = findActor(context, names.kind, context.params[names.idParam]);
    if (isReply(actor)) return actor;
    const body = readObjectBody(context);
    if (isReply(body)) return body;
    const missing = missingFields(body, ['name', 'configuration']);
    if (missing.length > 0) return problem(400, `Missing required field(s): ${missing.join(', ')}`);
    const typeError = checkBodyTypes(body);
    if (typeError !== undefined) return typeError;
    const configuration = keepMaskedSecrets(
      body['configuration'] as JsonRecord,
      actor.configuration,
    ) as JsonRecord;
    const error =
      checkSameType(names, actor, configuration) ?? checkConnectorSpec(actor.connector, configuration);
    if (error !== undefined) return error;
    actor.name = body['name'] as string;
    actor.configuration = withoutTypeField(names, configuration);
    if (body['resourceAllocation'] === undefined) delete actor.resourceAllocation;
    else actor.resourceAllocation = body['resourceAllocation'] as JsonRecord;
    return ok(actorView(names, actor));
  };

/** PATCH merges objects key by key (guess: Airbyte documents only "update"), keeping masked secrets. */
const mergeDeep = (stored: JsonRecord, patch: JsonRecord): JsonRecord =>
  Object.fromEntries(
    [...new Set([...Object.keys(stored), ...Object.keys(patch)])].map((key) => {
      const before = stored[key];
      const after = patch[key];
      if (after === undefined) return [key, before ?? null];
      if (isRecord(before) && isRecord(after)) return [key, mergeDeep(before, after)];
      return [key, keepMaskedSecrets(after, before)];
    }),
  );

const makePatch =
  (names: ActorNames): RouteHandler =>
  (context) => {
    const actor = findActor(context, names.kind, context.params[names.idParam]);
    if (isReply(actor)) return actor;
    const body = readObjectBody(context);
    if (isReply(body)) return body;
    const typeError = checkBodyTypes(body);
    if (typeError !== undefined) return typeError;
    if (body['workspaceId'] !== undefined && body['workspaceId'] !== actor.workspaceId) {
      return problem(400, `A ${names.kind} cannot move to another workspace`);
    }
    const configuration =
      body['configuration'] === undefined
        ? actor.configuration
        : mergeDeep(actor.configuration, body['configuration'] as JsonRecord);
    const error =
      checkSameType(names, actor, configuration) ?? checkConnectorSpec(actor.connector, configuration);
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
