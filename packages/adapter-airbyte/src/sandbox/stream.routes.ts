/**
 * `GET /streams?sourceId=…[&destinationId=…]`: the stream properties discovery finds for a source
 * (airbyte-server publicapi StreamsController.getStreamProperties). Discovery can be slow (a `delay`
 * fault) or fail (a `connectorFailure` fault).
 */
import { findActor } from './actor.routes.js';
import { catalogOf, streamPropertiesView } from './catalog.js';
import { isReply } from './pagination.js';
import type { RouteHandler } from './route-context.js';
import { micronautError, ok } from './sandbox-reply.js';
import type { DestinationSyncMode } from './sync-modes.js';

const discover: RouteHandler = (context) => {
  const sourceId = context.query.get('sourceId');
  if (sourceId === null || sourceId === '')
    return micronautError(400, 'Required QueryValue [sourceId] not specified');
  const source = findActor(context, 'source', sourceId, { live: true });
  if (isReply(source)) return source;
  const destinationId = context.query.get('destinationId');
  let destinationModes: ReadonlyArray<DestinationSyncMode> | undefined;
  if (destinationId !== null) {
    const destination = findActor(context, 'destination', destinationId, { live: true });
    if (isReply(destination)) return destination;
    destinationModes = destination.connector.destinationSyncModes ?? [];
  }
  return ok(catalogOf(context.state, source).map((stream) => streamPropertiesView(stream, destinationModes)));
};

export const streamRoutes = { discover } as const;
