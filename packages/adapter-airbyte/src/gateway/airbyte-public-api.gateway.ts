/**
 * AirbytePublicApiGateway: the core's AirbyteGateway over Airbyte's public REST API
 * (`<airbyte>/api/public/v1` self-managed, `https://api.airbyte.com/v1` Cloud). Each port method is one
 * operation below, wrapped as a TaskEither; the operations never throw.
 */
import type { AirbyteError, AirbyteGateway, Logger } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import { StreamPropertiesResponse, toDiscoveredStream } from '../codecs/stream.codec.js';
import { WorkspaceResponse } from '../codecs/workspace.codec.js';
import { makeAirbyteClient, type AirbyteClient } from '../http/airbyte-client.js';
import { actorOperations } from './actor-operations.js';
import {
  resolveOptions,
  type AirbyteGatewayOptions,
  type ResolvedGatewayOptions,
} from './airbyte-gateway-options.js';
import { makeConnectionOperations } from './connection-operations.js';
import { task } from './either-task.js';
import { makeJobOperations } from './job-operations.js';

/** Discovery runs the source connector and is slow on real sources: it gets at least this long. */
export const MIN_DISCOVERY_TIMEOUT_MS = 120_000;

/**
 * The core's AirbyteGateway, and `withLogger`: the same gateway (same limits, token and calls in flight)
 * writing its log lines through another logger, which the composition root hands the core as
 * `CoreDeps.gatewayFor` so that each operation logs under its request's logger.
 */
export interface AirbytePublicApiGateway extends AirbyteGateway {
  readonly withLogger: (logger: Logger) => AirbytePublicApiGateway;
  /** The same gateway (same client, limits and token) scoped to another workspace (per-data-product mode). */
  readonly forWorkspace: (workspaceId: string) => AirbytePublicApiGateway;
}

/** The port's operations over one client view; `withLogger` builds another over the same client. */
const gatewayOver = (
  client: AirbyteClient,
  resolved: ResolvedGatewayOptions,
  discoveryTimeoutMs: number,
): AirbytePublicApiGateway => {
  const actors = actorOperations(client, resolved);
  const connections = makeConnectionOperations(client, resolved);
  const jobs = makeJobOperations(client);

  const checkWorkspace = async (): Promise<E.Either<AirbyteError, void>> =>
    E.map(() => undefined)(
      await client.call({
        method: 'GET',
        template: '/workspaces/{workspaceId}',
        params: { workspaceId: resolved.workspaceId },
        codec: WorkspaceResponse,
      }),
    );

  const discoverStreams = async (sourceId: string, destinationId: string) =>
    E.map((streams: StreamPropertiesResponse) => streams.map(toDiscoveredStream))(
      await client.call({
        method: 'GET',
        template: '/streams',
        query: [
          ['sourceId', sourceId],
          ['destinationId', destinationId],
        ],
        codec: StreamPropertiesResponse,
        timeoutMs: discoveryTimeoutMs,
      }),
    );

  return {
    checkWorkspace: task(checkWorkspace),
    findActorById: task(actors.findById),
    findActorsByName: task(actors.findByName),
    createActor: task(actors.create),
    updateActor: task(actors.update),
    deleteActor: task(actors.remove),
    findConnectionById: task(connections.findById),
    findConnectionsByName: task(connections.findByName),
    findConnectionsUsing: task(connections.findUsing),
    createConnection: task(connections.create),
    updateConnection: task(connections.update),
    deleteConnection: task(connections.remove),
    discoverStreams: task(discoverStreams),
    startSync: task(jobs.startSync),
    getJob: task(jobs.getJob),
    clearData: task(jobs.clearData),
    withLogger: (logger: Logger) =>
      gatewayOver(client.withLogger(logger), { ...resolved, logger }, discoveryTimeoutMs),
    forWorkspace: (workspaceId: string) =>
      gatewayOver(client, { ...resolved, workspaceId }, discoveryTimeoutMs),
  };
};

export const makeAirbytePublicApiGateway = (options: AirbyteGatewayOptions): AirbytePublicApiGateway => {
  const resolved = resolveOptions(options);
  return gatewayOver(
    makeAirbyteClient(resolved),
    resolved,
    Math.max(resolved.timeoutMs, options.discoveryTimeoutMs ?? MIN_DISCOVERY_TIMEOUT_MS),
  );
};
