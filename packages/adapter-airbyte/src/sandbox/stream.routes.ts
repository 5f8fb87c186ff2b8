/** `GET /streams?sourceId=…[&destinationId=…]`: the stream properties discovery finds for a source. */
import { findActor } from './actor.routes.js';
import { catalogOf, streamPropertiesView } from './catalog.js';
import { isReply } from './pagination.js';
import type { RouteHandler } from './route-context.js';
import { ok, problem } from './sandbox-reply.js';

const discover: RouteHandler = (context) => {
  const sourceId = context.query.get('sourceId');
  if (sourceId === null || sourceId === '') return problem(400, 'The query parameter sourceId is required');
  const source = findActor(context, 'source', sourceId);
  if (isReply(source)) return source;
  const destinationId = context.query.get('destinationId');
  if (destinationId !== null) {
    const destination = findActor(context, 'destination', destinationId);
    if (isReply(destination)) return destination;
  }
  return ok(catalogOf(context.state, source).map(streamPropertiesView));
};

export const streamRoutes = { discover } as const;
