/**
 * What the domain needs from Airbyte, in the domain's words. Every lookup is scoped to the configured
 * workspace; a resource in another workspace is "not found". Deleting an absent resource succeeds.
 */
import type { Option } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type {
  ActorKind,
  ActorSpec,
  AirbyteActor,
  AirbyteConnection,
  AirbyteJob,
  ConnectionSpec,
  DiscoveredStream,
} from '../domain/airbyte-state.js';
import type { AirbyteError } from '../errors/airbyte-error.js';
import { portToken } from './port-token.js';

export interface AirbyteGateway {
  /** Airbyte answers, our credentials are accepted and the workspace exists. */
  readonly checkWorkspace: () => TaskEither<AirbyteError, void>;

  readonly findActorById: (kind: ActorKind, id: string) => TaskEither<AirbyteError, Option<AirbyteActor>>;
  /** Every actor of that kind with exactly this name, across all pages (names are not unique). */
  readonly findActorsByName: (
    kind: ActorKind,
    name: string,
  ) => TaskEither<AirbyteError, ReadonlyArray<AirbyteActor>>;
  /** Creates; a create whose answer was lost is looked up by name before any retry, never duplicated. */
  readonly createActor: (kind: ActorKind, spec: ActorSpec) => TaskEither<AirbyteError, AirbyteActor>;
  /** Full replacement of name and configuration (secrets always sent). */
  readonly updateActor: (
    kind: ActorKind,
    id: string,
    spec: ActorSpec,
  ) => TaskEither<AirbyteError, AirbyteActor>;
  readonly deleteActor: (kind: ActorKind, id: string) => TaskEither<AirbyteError, void>;

  readonly findConnectionById: (id: string) => TaskEither<AirbyteError, Option<AirbyteConnection>>;
  readonly findConnectionsByName: (
    name: string,
  ) => TaskEither<AirbyteError, ReadonlyArray<AirbyteConnection>>;
  /** Connections whose source (or destination) is this actor. */
  readonly findConnectionsUsing: (
    kind: ActorKind,
    actorId: string,
  ) => TaskEither<AirbyteError, ReadonlyArray<AirbyteConnection>>;
  readonly createConnection: (spec: ConnectionSpec) => TaskEither<AirbyteError, AirbyteConnection>;
  /** Updates everything but the source and destination, which Airbyte cannot change; streams are sent whole. */
  readonly updateConnection: (
    id: string,
    spec: ConnectionSpec,
  ) => TaskEither<AirbyteError, AirbyteConnection>;
  readonly deleteConnection: (id: string) => TaskEither<AirbyteError, void>;

  readonly discoverStreams: (
    sourceId: string,
    destinationId: string,
  ) => TaskEither<AirbyteError, ReadonlyArray<DiscoveredStream>>;
  /** Starts a sync; when one is already running, answers that job instead. */
  readonly startSync: (connectionId: string) => TaskEither<AirbyteError, AirbyteJob>;
  readonly getJob: (jobId: number) => TaskEither<AirbyteError, AirbyteJob>;
  /** Starts a job that clears what the connection synced into its destination; one running is answered instead. */
  readonly clearData: (connectionId: string) => TaskEither<AirbyteError, AirbyteJob>;
}

export const AirbyteGatewayToken = portToken<AirbyteGateway>('AirbyteGateway');
