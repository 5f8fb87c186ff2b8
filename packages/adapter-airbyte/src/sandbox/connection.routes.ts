/**
 * Connections. PATCH changes only the fields it carries; `configurations.streams`, when given, replaces
 * the whole stream list. A connection's source and destination never change (Airbyte has no field to
 * move them; a different one means a new connection).
 */
import { findActor } from './actor.routes.js';
import { catalogOf } from './catalog.js';
import { connectionView, deleteConnectionsOf } from './connection-store.js';
import { isReply, pageOf, readBoolean, readPage, readWorkspaceFilter } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import { noContent, ok, problem, type SandboxReply } from './sandbox-reply.js';
import { epochSeconds, type StoredActor, type StoredConnection } from './sandbox-state.js';
import { readSchedule } from './schedule.js';
import { configureStreams } from './stream-configuration.js';
import { isRecord, type Json, type JsonRecord } from './secrets.js';

const STATUSES = ['active', 'inactive'];
const NAMESPACE_DEFINITIONS = ['source', 'destination', 'custom_format'];
const NON_BREAKING = ['ignore', 'disable_connection', 'propagate_columns', 'propagate_fully'];

const findConnection = (context: RouteContext): StoredConnection | SandboxReply => {
  const id = context.params['connectionId'] ?? '';
  const connection = context.state.connections.get(id);
  if (connection === undefined || connection.deleted || !context.access.has(connection.workspaceId)) {
    return problem(404, `Connection ${id} not found`);
  }
  return connection;
};

const checkEnum = (
  body: JsonRecord,
  field: string,
  allowed: ReadonlyArray<string>,
): SandboxReply | undefined => {
  const value = body[field];
  return value === undefined || (typeof value === 'string' && allowed.includes(value))
    ? undefined
    : problem(400, `${field} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
};

const checkStrings = (body: JsonRecord, fields: ReadonlyArray<string>): SandboxReply | undefined => {
  const wrong = fields.find((field) => body[field] !== undefined && typeof body[field] !== 'string');
  return wrong === undefined ? undefined : problem(400, `${wrong} must be a string`);
};

const checkFields = (body: JsonRecord): SandboxReply | undefined =>
  checkStrings(body, ['name', 'namespaceFormat', 'prefix', 'sourceId', 'destinationId']) ??
  checkEnum(body, 'status', STATUSES) ??
  checkEnum(body, 'namespaceDefinition', NAMESPACE_DEFINITIONS) ??
  checkEnum(body, 'nonBreakingSchemaUpdatesBehavior', NON_BREAKING) ??
  (body['tags'] !== undefined && !Array.isArray(body['tags'])
    ? problem(400, 'tags must be a list')
    : undefined);

const create: RouteHandler = (context) => {
  if (!isRecord(context.body)) return problem(400, 'The request body must be a JSON object');
  const body = context.body;
  const missing = ['sourceId', 'destinationId'].filter((field) => body[field] === undefined);
  if (missing.length > 0) return problem(400, `Missing required field(s): ${missing.join(', ')}`);
  const invalid = checkFields(body);
  if (invalid !== undefined) return invalid;
  const source = findActor(context, 'source', body['sourceId'] as string);
  if (isReply(source)) return source;
  const destination = findActor(context, 'destination', body['destinationId'] as string);
  if (isReply(destination)) return destination;
  if (source.workspaceId !== destination.workspaceId) {
    return problem(400, 'The source and the destination of a connection must be in the same workspace');
  }
  const streams = configureStreams(catalogOf(context.state, source), body['configurations']);
  if (isReply(streams)) return streams;
  const schedule =
    body['schedule'] === undefined ? { scheduleType: 'manual' } : readSchedule(body['schedule']);
  if (isReply(schedule)) return schedule;
  const connection: StoredConnection = {
    connectionId: context.state.newId(),
    sourceId: source.id,
    destinationId: destination.id,
    workspaceId: source.workspaceId,
    name: typeof body['name'] === 'string' ? body['name'] : defaultName(source, destination),
    status: (body['status'] as string | undefined) ?? 'active',
    schedule,
    namespaceDefinition: (body['namespaceDefinition'] as string | undefined) ?? 'destination',
    ...(typeof body['namespaceFormat'] === 'string' ? { namespaceFormat: body['namespaceFormat'] } : {}),
    prefix: (body['prefix'] as string | undefined) ?? '',
    nonBreakingSchemaUpdatesBehavior:
      (body['nonBreakingSchemaUpdatesBehavior'] as string | undefined) ?? 'ignore',
    streams,
    tags: (body['tags'] as ReadonlyArray<Json> | undefined) ?? [],
    createdAt: epochSeconds(context.state),
    deleted: false,
  };
  context.state.connections.set(connection.connectionId, connection);
  return ok(connectionView(connection));
};

// Airbyte's UI names a new connection "<source> → <destination>"; the API's default is a guess
const defaultName = (source: StoredActor, destination: StoredActor): string =>
  `${source.name} → ${destination.name}`;

const patch: RouteHandler = (context) => {
  const connection = findConnection(context);
  if (isReply(connection)) return connection;
  if (!isRecord(context.body)) return problem(400, 'The request body must be a JSON object');
  const body = context.body;
  const invalid = checkFields(body);
  if (invalid !== undefined) return invalid;
  for (const field of ['sourceId', 'destinationId'] as const) {
    if (body[field] !== undefined && body[field] !== connection[field]) {
      return problem(400, `The ${field} of a connection cannot be changed`);
    }
  }
  const source = context.state.sources.get(connection.sourceId);
  const streams =
    isRecord(body['configurations']) &&
    body['configurations']['streams'] !== undefined &&
    source !== undefined
      ? configureStreams(catalogOf(context.state, source), body['configurations'])
      : connection.streams;
  if (isReply(streams)) return streams;
  const schedule = body['schedule'] === undefined ? connection.schedule : readSchedule(body['schedule']);
  if (isReply(schedule)) return schedule;
  // every check passed: apply the fields that were sent, and only those
  if (typeof body['name'] === 'string') connection.name = body['name'];
  if (typeof body['status'] === 'string') connection.status = body['status'];
  if (typeof body['namespaceDefinition'] === 'string')
    connection.namespaceDefinition = body['namespaceDefinition'];
  if (typeof body['namespaceFormat'] === 'string') connection.namespaceFormat = body['namespaceFormat'];
  if (typeof body['prefix'] === 'string') connection.prefix = body['prefix'];
  if (typeof body['nonBreakingSchemaUpdatesBehavior'] === 'string') {
    connection.nonBreakingSchemaUpdatesBehavior = body['nonBreakingSchemaUpdatesBehavior'];
  }
  if (Array.isArray(body['tags'])) connection.tags = body['tags'];
  connection.schedule = schedule;
  connection.streams = streams;
  return ok(connectionView(connection));
};

const get: RouteHandler = (context) => {
  const connection = findConnection(context);
  return isReply(connection) ? connection : ok(connectionView(connection));
};

const list: RouteHandler = (context) => {
  const page = readPage(context.query);
  if (isReply(page)) return page;
  const includeDeleted = readBoolean(context.query, 'includeDeleted');
  if (isReply(includeDeleted)) return includeDeleted;
  const workspaces = readWorkspaceFilter(context);
  if (isReply(workspaces)) return workspaces;
  const matching = [...context.state.connections.values()].filter(
    (c) => workspaces.has(c.workspaceId) && (includeDeleted || !c.deleted),
  );
  const { data, ...links } = pageOf(context, matching, page);
  return ok({ ...links, data: data.map(connectionView) });
};

const remove: RouteHandler = (context) => {
  const connection = findConnection(context);
  if (isReply(connection)) return connection;
  deleteConnectionsOf(context.state, (c) => c === connection);
  return noContent;
};

export const connectionRoutes = { list, create, get, patch, remove } as const;
