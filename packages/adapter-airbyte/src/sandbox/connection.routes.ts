/**
 * Connections, after airbyte-server publicapi ConnectionsController. Create discovers the source's
 * catalog and configures the requested streams against it and the destination's sync modes
 * (stream-configuration.ts); without streams every stream is `full_refresh_overwrite`. PATCH changes only
 * the fields it carries, and `configurations.streams`, when it lists any, replaces the whole stream list.
 * ConnectionPatchRequest has no sourceId or destinationId: sent anyway, they are ignored. A deleted
 * connection keeps being read by id, with status `deprecated`, and deleting it again succeeds.
 */
import { findActor } from './actor.routes.js';
import { catalogOf } from './catalog.js';
import { connectionView } from './connection-store.js';
import { isReply, listInWorkspaces } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import {
  badRequest,
  micronautError,
  noContent,
  ok,
  resourceNotFound,
  type SandboxReply,
} from './sandbox-reply.js';
import { epochSeconds, type StoredActor, type StoredConnection } from './sandbox-state.js';
import { readSchedule } from './schedule.js';
import { configureStreams, everyStream } from './stream-configuration.js';
import { isRecord, type Json, type JsonRecord } from './secrets.js';

const STATUSES = ['active', 'inactive', 'deprecated'];
const NAMESPACE_DEFINITIONS = ['source', 'destination', 'custom_format'];
const NON_BREAKING = ['ignore', 'disable_connection', 'propagate_columns', 'propagate_fully'];

const findConnection = (context: RouteContext): StoredConnection | SandboxReply => {
  const id = context.params['connectionId'] ?? '';
  const connection = context.state.connections.get(id);
  if (connection === undefined || !context.access.has(connection.workspaceId)) {
    return resourceNotFound('connection', id);
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
    : micronautError(400, `${field}: unknown value ${JSON.stringify(value)}; one of ${allowed.join(', ')}`);
};

const checkStrings = (body: JsonRecord, fields: ReadonlyArray<string>): SandboxReply | undefined => {
  const wrong = fields.find((field) => body[field] !== undefined && typeof body[field] !== 'string');
  return wrong === undefined ? undefined : micronautError(400, `${wrong}: must be a string`);
};

const checkFields = (body: JsonRecord): SandboxReply | undefined =>
  checkStrings(body, ['name', 'namespaceFormat', 'prefix', 'sourceId', 'destinationId']) ??
  checkEnum(body, 'status', STATUSES) ??
  checkEnum(body, 'namespaceDefinition', NAMESPACE_DEFINITIONS) ??
  checkEnum(body, 'nonBreakingSchemaUpdatesBehavior', NON_BREAKING) ??
  (body['tags'] !== undefined && !Array.isArray(body['tags'])
    ? micronautError(400, 'tags: must be a list')
    : undefined);

const create: RouteHandler = (context) => {
  if (!isRecord(context.body)) return notAnObject();
  const body = context.body;
  const missing = ['sourceId', 'destinationId'].filter((field) => body[field] === undefined);
  if (missing.length > 0)
    return micronautError(400, `Missing required creator property: ${missing.join(', ')}`);
  const invalid = checkFields(body);
  if (invalid !== undefined) return invalid;
  // the controller checks the schedule before it reads anything
  const schedule =
    body['schedule'] === undefined || body['schedule'] === null
      ? { scheduleType: 'manual' }
      : readSchedule(body['schedule']);
  if (isReply(schedule)) return schedule;
  const destination = findActor(context, 'destination', body['destinationId'] as string, { live: true });
  if (isReply(destination)) return destination;
  const source = findActor(context, 'source', body['sourceId'] as string, { live: true });
  if (isReply(source)) return source;
  if (source.workspaceId !== destination.workspaceId) {
    return badRequest('The source and the destination of a connection must be in the same workspace');
  }
  const catalog = catalogOf(context.state, source);
  const configured = configureStreams(
    catalog,
    destination.connector.destinationSyncModes ?? [],
    body['configurations'],
  );
  if (isReply(configured)) return configured;
  const streams = configured ?? everyStream(catalog);
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

// ConnectionsHandler.createConnection
const defaultName = (source: StoredActor, destination: StoredActor): string =>
  `${source.name} <> ${destination.name}`;

const notAnObject = (): SandboxReply =>
  micronautError(400, 'Required argument [body] not specified or not a JSON object');

const patch: RouteHandler = (context) => {
  const connection = findConnection(context);
  if (isReply(connection)) return connection;
  if (!isRecord(context.body)) return notAnObject();
  const body = context.body;
  const invalid = checkFields(body);
  if (invalid !== undefined) return invalid;
  const schedule =
    body['schedule'] === undefined || body['schedule'] === null
      ? connection.schedule
      : readSchedule(body['schedule']);
  if (isReply(schedule)) return schedule;
  const source = context.state.sources.get(connection.sourceId);
  const destination = context.state.destinations.get(connection.destinationId);
  const configured =
    source === undefined || destination === undefined
      ? undefined
      : configureStreams(
          catalogOf(context.state, source),
          destination.connector.destinationSyncModes ?? [],
          body['configurations'],
        );
  if (isReply(configured)) return configured;
  const streams = configured ?? connection.streams;
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

const list: RouteHandler = (context) =>
  listInWorkspaces(context, context.state.connections.values(), connectionView);

const remove: RouteHandler = (context) => {
  const connection = findConnection(context);
  if (isReply(connection)) return connection;
  connection.deleted = true;
  return noContent;
};

export const connectionRoutes = { list, create, get, patch, remove } as const;
