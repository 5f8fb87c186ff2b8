/**
 * An in-memory Airbyte workspace behind the AirbyteGateway port, with the semantics that matter to the
 * planner: names are not unique, secrets come back masked, deleting an actor deletes its connections,
 * each source has a catalog to discover, a sync already running is answered instead of a new one.
 * Every call is logged and counted; failures can be injected per method. Each call yields once before
 * it acts, so calls started together overlap, and `maxInFlight` shows whether work ran in parallel.
 */
import * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  MASKED_SECRET,
  optionalConnectionFields,
  type ActorKind,
  type ActorSpec,
  type AirbyteActor,
  type AirbyteConnection,
  type AirbyteJob,
  type ConnectionSpec,
  type DiscoveredStream,
  type JobStatus,
} from '../domain/airbyte-state.js';
import type { ConnectorRef } from '../domain/desired-state.js';
import type { JsonObject, JsonValue } from '../domain/json.js';
import { airbyteNotFound, airbyteRejected, type AirbyteError } from '../errors/airbyte-error.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';

export type GatewayMethod = keyof AirbyteGateway;

const READS: ReadonlyArray<GatewayMethod> = [
  'checkWorkspace',
  'findActorById',
  'findActorsByName',
  'findConnectionById',
  'findConnectionsByName',
  'findConnectionsUsing',
  'discoverStreams',
  'getJob',
];

export interface GatewayCall {
  readonly method: GatewayMethod;
  /** Ids and names only, never a configuration. */
  readonly args: ReadonlyArray<string | number>;
}

/** Definition ids of the connectors we know by type (Airbyte's public ids for File and Snowflake). */
const KNOWN_DEFINITIONS: Readonly<Record<string, string>> = {
  file: '778daa7c-feaf-4db6-96f3-70fd645acc77',
  snowflake: '424892c4-daac-4491-b35d-c6688ba547ba',
};

/** Keys Airbyte connector specs usually mark `airbyte_secret`; used when no secret paths were given. */
const SECRET_KEY = /pass(word)?$|secret|token|private_?key|api_?key|access_?key/i;

export interface FakeAirbyteGatewayOptions {
  readonly workspaceId?: string;
  /** Secret dot paths per connector type; keys matching a secret-looking name are masked as well. */
  readonly secretPaths?: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Streams a source offers; default: File → one stream named after `dataset_name`, others → `records`. */
  readonly catalogFor?: (source: AirbyteActor) => ReadonlyArray<DiscoveredStream>;
}

interface StoredActor extends AirbyteActor {
  readonly clearConfiguration: JsonObject;
}

interface Injected {
  readonly error: AirbyteError;
  /** The call takes effect, then fails: an answer lost on the way back. */
  readonly afterEffect: boolean;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const defaultCatalog = (source: AirbyteActor): ReadonlyArray<DiscoveredStream> => {
  const dataset = source.configuration['dataset_name'];
  return [
    {
      name: source.connectorType === 'file' && typeof dataset === 'string' ? dataset : 'records',
      syncModes: ['full_refresh_overwrite', 'full_refresh_append'],
    },
  ];
};

export class FakeAirbyteGateway implements AirbyteGateway {
  readonly workspaceId: string;
  readonly calls: GatewayCall[] = [];
  private readonly actors = new Map<string, StoredActor>();
  private readonly connections = new Map<string, AirbyteConnection>();
  private readonly jobs = new Map<number, AirbyteJob>();
  private readonly catalogs = new Map<string, ReadonlyArray<DiscoveredStream>>();
  private readonly failures = new Map<GatewayMethod, Injected[]>();
  private readonly doubtful = new Map<
    'createActor' | 'createConnection',
    { readonly since: number; readonly onCreated: (copy: () => string) => void }
  >();
  private nextId = 0;
  private inFlight = 0;
  private peak = 0;

  constructor(private readonly options: FakeAirbyteGatewayOptions = {}) {
    this.workspaceId = options.workspaceId ?? 'workspace-1';
  }

  // ---- inspection and set-up -------------------------------------------------------------------

  /** Calls that change Airbyte, and calls that only read it. */
  readonly counts = (): { readonly reads: number; readonly writes: number; readonly total: number } => {
    const reads = this.calls.filter((c) => READS.includes(c.method)).length;
    return { reads, writes: this.calls.length - reads, total: this.calls.length };
  };

  readonly callsTo = (method: GatewayMethod): number => this.calls.filter((c) => c.method === method).length;

  /** The most calls that were in progress at the same time. */
  readonly maxInFlight = (): number => this.peak;

  readonly resetCalls = (): void => {
    this.calls.length = 0;
    this.peak = 0;
  };

  /** The next call to `method` fails with `error` (after taking effect, when `afterEffect`). */
  readonly failNext = (method: GatewayMethod, error: AirbyteError, afterEffect = false): void => {
    this.failures.set(method, [...(this.failures.get(method) ?? []), { error, afterEffect }]);
  };

  /**
   * The next create of `method` is answered after a first attempt whose answer was lost (the created
   * resource says `doubtfulSince: since`); `land()` then performs that first attempt late: a same-named
   * copy appears, as Airbyte would leave it.
   */
  readonly loseNextCreateAnswer = (
    method: 'createActor' | 'createConnection',
    since: number,
  ): { readonly land: () => string } => {
    let land: (() => string) | undefined;
    this.doubtful.set(method, { since, onCreated: (copy) => (land = copy) });
    return {
      land: () => {
        if (land === undefined) throw new Error(`no ${method} was answered after a lost answer yet`);
        return land();
      },
    };
  };

  readonly setCatalog = (sourceId: string, streams: ReadonlyArray<DiscoveredStream>): void => {
    this.catalogs.set(sourceId, streams);
  };

  /** Every actor of a kind in the workspace, as Airbyte would report it (secrets masked). */
  readonly listActors = (kind: ActorKind): ReadonlyArray<AirbyteActor> =>
    [...this.actors.values()].filter((a) => a.kind === kind && this.visible(a)).map((a) => this.masked(a));

  readonly listConnections = (): ReadonlyArray<AirbyteConnection> =>
    [...this.connections.values()].filter((c) => this.visible(c));

  /** What Airbyte holds in clear, for tests that check which secret was sent. */
  readonly clearConfiguration = (id: string): JsonObject | undefined =>
    this.actors.get(id)?.clearConfiguration;

  readonly seedActor = (kind: ActorKind, spec: ActorSpec, workspaceId = this.workspaceId): AirbyteActor =>
    this.masked(this.storeActor(kind, spec, workspaceId));

  readonly seedConnection = (spec: ConnectionSpec, workspaceId = this.workspaceId): AirbyteConnection =>
    this.storeConnection(spec, workspaceId);

  readonly finishJob = (jobId: number, status: JobStatus): void => {
    const job = this.jobs.get(jobId);
    if (job !== undefined) this.jobs.set(jobId, { ...job, status });
  };

  /** What a job reports of its progress (rows, bytes committed, how long it has run), as Airbyte would. */
  readonly reportJob = (
    jobId: number,
    report: Pick<AirbyteJob, 'rowsSynced' | 'bytesSynced' | 'duration'>,
  ): void => {
    const job = this.jobs.get(jobId);
    if (job !== undefined) this.jobs.set(jobId, { ...job, ...report });
  };

  // ---- the port --------------------------------------------------------------------------------

  readonly checkWorkspace = (): TaskEither<AirbyteError, void> =>
    this.call('checkWorkspace', [], () => undefined);

  readonly findActorById = (kind: ActorKind, id: string): TaskEither<AirbyteError, O.Option<AirbyteActor>> =>
    this.call('findActorById', [kind, id], () => {
      const actor = this.actors.get(id);
      return actor !== undefined && actor.kind === kind && this.visible(actor)
        ? O.some(this.masked(actor))
        : O.none;
    });

  readonly findActorsByName = (
    kind: ActorKind,
    name: string,
  ): TaskEither<AirbyteError, ReadonlyArray<AirbyteActor>> =>
    this.call('findActorsByName', [kind, name], () => this.listActors(kind).filter((a) => a.name === name));

  readonly createActor = (kind: ActorKind, spec: ActorSpec): TaskEither<AirbyteError, AirbyteActor> =>
    this.call('createActor', [kind, spec.name], () => {
      const created = this.masked(this.storeActor(kind, spec, this.workspaceId));
      return this.withDoubt('createActor', created, () => this.storeActor(kind, spec, this.workspaceId).id);
    });

  readonly updateActor = (
    kind: ActorKind,
    id: string,
    spec: ActorSpec,
  ): TaskEither<AirbyteError, AirbyteActor> =>
    this.call('updateActor', [kind, id], () => {
      const actor = this.actors.get(id);
      if (actor === undefined || actor.kind !== kind || !this.visible(actor))
        return airbyteNotFound(`${kind} ${id} not found`);
      const updated: StoredActor = {
        ...actor,
        name: spec.name,
        configuration: spec.configuration,
        clearConfiguration: spec.configuration,
      };
      this.actors.set(id, updated);
      return this.masked(updated);
    });

  readonly deleteActor = (kind: ActorKind, id: string): TaskEither<AirbyteError, void> =>
    this.call('deleteActor', [kind, id], () => {
      const actor = this.actors.get(id);
      if (actor === undefined || actor.kind !== kind || !this.visible(actor)) return undefined;
      this.actors.delete(id);
      // Airbyte deletes the connections of a deleted actor with it
      for (const c of [...this.connections.values()])
        if ((kind === 'source' ? c.sourceId : c.destinationId) === id) this.connections.delete(c.id);
      return undefined;
    });

  readonly findConnectionById = (id: string): TaskEither<AirbyteError, O.Option<AirbyteConnection>> =>
    this.call('findConnectionById', [id], () => {
      const c = this.connections.get(id);
      return c !== undefined && this.visible(c) ? O.some(c) : O.none;
    });

  readonly findConnectionsByName = (
    name: string,
  ): TaskEither<AirbyteError, ReadonlyArray<AirbyteConnection>> =>
    this.call('findConnectionsByName', [name], () => this.listConnections().filter((c) => c.name === name));

  readonly findConnectionsUsing = (
    kind: ActorKind,
    actorId: string,
  ): TaskEither<AirbyteError, ReadonlyArray<AirbyteConnection>> =>
    this.call('findConnectionsUsing', [kind, actorId], () =>
      this.listConnections().filter((c) => (kind === 'source' ? c.sourceId : c.destinationId) === actorId),
    );

  readonly createConnection = (spec: ConnectionSpec): TaskEither<AirbyteError, AirbyteConnection> =>
    this.call('createConnection', [spec.name, spec.sourceId, spec.destinationId], () => {
      const missing = this.missingActors(spec.sourceId, spec.destinationId);
      if (missing !== undefined) return missing;
      const created = this.storeConnection(spec, this.workspaceId);
      return this.withDoubt(
        'createConnection',
        created,
        () => this.storeConnection(spec, this.workspaceId).id,
      );
    });

  readonly updateConnection = (
    id: string,
    spec: ConnectionSpec,
  ): TaskEither<AirbyteError, AirbyteConnection> =>
    this.call('updateConnection', [id], () => {
      const current = this.connections.get(id);
      if (current === undefined || !this.visible(current))
        return airbyteNotFound(`connection ${id} not found`);
      const updated: AirbyteConnection = {
        ...current,
        name: spec.name,
        streams: spec.streams,
        schedule: spec.schedule,
        status: spec.status,
        ...optionalConnectionFields(spec),
      };
      this.connections.set(id, updated);
      return updated;
    });

  readonly deleteConnection = (id: string): TaskEither<AirbyteError, void> =>
    this.call('deleteConnection', [id], () => {
      const c = this.connections.get(id);
      if (c !== undefined && this.visible(c)) this.connections.delete(id);
      return undefined;
    });

  readonly discoverStreams = (
    sourceId: string,
    destinationId: string,
  ): TaskEither<AirbyteError, ReadonlyArray<DiscoveredStream>> =>
    this.call('discoverStreams', [sourceId, destinationId], () => {
      const missing = this.missingActors(sourceId, destinationId);
      if (missing !== undefined) return missing;
      const source = this.actors.get(sourceId)!;
      return (
        this.catalogs.get(sourceId) ??
        (this.options.catalogFor ?? defaultCatalog)({ ...source, configuration: source.clearConfiguration })
      );
    });

  readonly startSync = (connectionId: string): TaskEither<AirbyteError, AirbyteJob> =>
    this.call('startSync', [connectionId], () => this.startJob(connectionId));

  readonly clearData = (connectionId: string): TaskEither<AirbyteError, AirbyteJob> =>
    this.call('clearData', [connectionId], () => this.startJob(connectionId));

  // one job at a time per connection, as Airbyte: a second start answers the running one
  private readonly startJob = (connectionId: string): AirbyteJob | AirbyteError => {
    const c = this.connections.get(connectionId);
    if (c === undefined || !this.visible(c)) return airbyteNotFound(`connection ${connectionId} not found`);
    const running = [...this.jobs.values()].find(
      (j) => j.connectionId === connectionId && ['pending', 'running'].includes(j.status),
    );
    if (running !== undefined) return running;
    const job: AirbyteJob = { id: this.jobs.size + 1, connectionId, status: 'running' };
    this.jobs.set(job.id, job);
    return job;
  };

  readonly getJob = (jobId: number): TaskEither<AirbyteError, AirbyteJob> =>
    this.call('getJob', [jobId], () => this.jobs.get(jobId) ?? airbyteNotFound(`job ${jobId} not found`));

  // ---- internals -------------------------------------------------------------------------------

  private call<A>(
    method: GatewayMethod,
    args: ReadonlyArray<string | number>,
    effect: () => A | AirbyteError,
  ): TaskEither<AirbyteError, Exclude<A, AirbyteError>> {
    return async () => {
      this.calls.push({ method, args });
      this.inFlight += 1;
      this.peak = Math.max(this.peak, this.inFlight);
      try {
        await Promise.resolve();
        const injected = this.failures.get(method)?.shift();
        if (injected !== undefined && !injected.afterEffect) return { _tag: 'Left', left: injected.error };
        const result = effect();
        if (injected !== undefined) return { _tag: 'Left', left: injected.error };
        return isAirbyteError(result)
          ? { _tag: 'Left', left: result }
          : { _tag: 'Right', right: result as Exclude<A, AirbyteError> };
      } finally {
        this.inFlight -= 1;
      }
    };
  }

  private visible(resource: { readonly workspaceId: string }): boolean {
    return resource.workspaceId === this.workspaceId;
  }

  private missingActors(sourceId: string, destinationId: string): AirbyteError | undefined {
    const source = this.actors.get(sourceId);
    const destination = this.actors.get(destinationId);
    if (source?.kind !== 'source' || !this.visible(source))
      return airbyteRejected(422, `source ${sourceId} not found`);
    if (destination?.kind !== 'destination' || !this.visible(destination))
      return airbyteRejected(422, `destination ${destinationId} not found`);
    return undefined;
  }

  private withDoubt<R extends AirbyteActor | AirbyteConnection>(
    method: 'createActor' | 'createConnection',
    created: R,
    copy: () => string,
  ): R {
    const doubt = this.doubtful.get(method);
    if (doubt === undefined) return created;
    this.doubtful.delete(method);
    doubt.onCreated(copy);
    return { ...created, doubtfulSince: doubt.since };
  }

  private newId(kind: string): string {
    this.nextId += 1;
    return `${kind}-${this.nextId}`;
  }

  private storeActor(kind: ActorKind, spec: ActorSpec, workspaceId: string): StoredActor {
    const { connectorType, definitionId } = resolveConnector(spec.connector);
    const actor: StoredActor = {
      kind,
      id: this.newId(kind),
      name: spec.name,
      workspaceId,
      connectorType,
      definitionId,
      configuration: spec.configuration,
      clearConfiguration: spec.configuration,
    };
    this.actors.set(actor.id, actor);
    return actor;
  }

  private storeConnection(spec: ConnectionSpec, workspaceId: string): AirbyteConnection {
    const connection: AirbyteConnection = {
      id: this.newId('connection'),
      name: spec.name,
      workspaceId,
      sourceId: spec.sourceId,
      destinationId: spec.destinationId,
      status: spec.status,
      schedule: spec.schedule,
      streams: spec.streams,
      ...optionalConnectionFields(spec),
    };
    this.connections.set(connection.id, connection);
    return connection;
  }

  private masked(actor: StoredActor): AirbyteActor {
    const paths = this.options.secretPaths?.[actor.connectorType] ?? [];
    const mask = (value: JsonObject, at: string): JsonObject =>
      Object.fromEntries(
        Object.entries(value).map(([key, child]) => {
          const path = at === '' ? key : `${at}.${key}`;
          if (paths.includes(path) || (SECRET_KEY.test(key) && !isObject(child))) return [key, MASKED_SECRET];
          return [key, isObject(child) ? mask(child, path) : child];
        }),
      );
    const typeKey = actor.kind === 'source' ? 'sourceType' : 'destinationType';
    const { clearConfiguration: _clear, ...rest } = actor;
    return {
      ...rest,
      configuration: { ...mask(actor.clearConfiguration, ''), [typeKey]: actor.connectorType },
    };
  }
}

const isAirbyteError = (value: unknown): value is AirbyteError =>
  typeof value === 'object' &&
  value !== null &&
  '_tag' in value &&
  typeof value._tag === 'string' &&
  value._tag.startsWith('Airbyte');

const resolveConnector = (
  ref: ConnectorRef,
): { readonly connectorType: string; readonly definitionId: string } => {
  switch (ref._tag) {
    case 'ConnectorType':
      return {
        connectorType: ref.connectorType,
        definitionId: KNOWN_DEFINITIONS[ref.connectorType] ?? `definition-${ref.connectorType}`,
      };
    case 'DefinitionId': {
      const known = Object.entries(KNOWN_DEFINITIONS).find(([, id]) => id === ref.definitionId);
      return { connectorType: known?.[0] ?? 'custom', definitionId: ref.definitionId };
    }
  }
};
