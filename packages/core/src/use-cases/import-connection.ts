/**
 * Reverse provisioning's reading of Airbyte: one connection, its source and destination, turned into the
 * component's `specific` as a descriptor would declare it, so that provisioning that descriptor writes
 * nothing. What the platform's connector profiles enforce is left out (the provision puts it back);
 * secrets Airbyte masks become `${env:NAME}` placeholders the user fills; cursor and primary key appear
 * only where they differ from the source's own. The Airbyte ids go under `specific.adopt`, which the next
 * provision reads as its previous record (it finds these resources by id, not by name).
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ADOPTED_FINGERPRINT } from '../descriptor/previous-record.reader.js';
import { normalizedCron } from '../descriptor/quartz-cron.js';
import type {
  ActorKind,
  AirbyteActor,
  AirbyteConnection,
  AirbyteStream,
  DiscoveredStream,
} from '../domain/airbyte-state.js';
import {
  MASKED_SECRET,
  optionalConnectionFields,
  type OptionalConnectionFields,
} from '../domain/airbyte-state.js';
import type { ConnectorProfile } from '../domain/connector-profile.js';
import type { JsonObject, JsonValue } from '../domain/json.js';
import { invalidRequest, stateConflict, type ProvisioningError } from '../errors/provisioning-error.js';
import { problem } from '../errors/problem.js';
import type { CoreDeps } from './core-deps.js';
import { step } from './locate.js';
import { parallel } from './parallel.js';
import { refuseOwned } from './resource-ownership.js';

/** Which connection to import: `params.connectionId` or `params.connectionName`, exactly one. */
export type ConnectionRef =
  { readonly _tag: 'ById'; readonly id: string } | { readonly _tag: 'ByName'; readonly name: string };

export interface ImportedConnection {
  readonly updates: JsonObject;
  /** Dot paths (below the actor's connectionConfiguration) of the secrets left as placeholders. */
  readonly secretPaths: ReadonlyArray<string>;
  readonly connection: AirbyteConnection;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `NAME` of a placeholder: the actor kind and the path, upper snake case. */
const envName = (kind: ActorKind, path: ReadonlyArray<string>): string =>
  [kind, ...path]
    .join('_')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/**
 * The configuration without what the profile enforces (present in `enforced` at the same path), with
 * every masked secret replaced by a placeholder whose path is collected.
 */
const configurationFor = (
  kind: ActorKind,
  configuration: JsonObject,
  enforced: JsonObject,
  secrets: string[],
  path: ReadonlyArray<string> = [],
): JsonObject =>
  Object.fromEntries(
    Object.entries(configuration).flatMap(([key, value]): ReadonlyArray<readonly [string, JsonValue]> => {
      const forced = enforced[key];
      const here = [...path, key];
      if (forced !== undefined && !isObject(forced)) return [];
      if (isObject(value)) {
        const inner = configurationFor(kind, value, isObject(forced) ? forced : {}, secrets, here);
        return isObject(forced) && Object.keys(inner).length === 0 ? [] : [[key, inner]];
      }
      if (value === MASKED_SECRET) {
        secrets.push(here.join('.'));
        return [[key, `\${env:${envName(kind, here)}}`]];
      }
      return [[key, value]];
    }),
  );

const actorSpecific = (
  actor: AirbyteActor,
  profile: ConnectorProfile | undefined,
  secrets: string[],
): JsonObject => ({
  name: actor.name,
  [actor.kind === 'source' ? 'sourceType' : 'destinationType']: actor.connectorType,
  connectionConfiguration: configurationFor(
    actor.kind,
    actor.configuration,
    profile?.enforced ?? {},
    secrets,
  ),
});

const sameList = (a: ReadonlyArray<unknown> | undefined, b: ReadonlyArray<unknown> | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const streamSpecific = (stream: AirbyteStream, offered: DiscoveredStream | undefined): JsonObject => ({
  name: stream.name,
  ...(stream.syncMode === undefined ? {} : { syncMode: stream.syncMode }),
  ...(stream.cursorField === undefined || sameList(stream.cursorField, offered?.defaultCursorField)
    ? {}
    : { cursorField: [...stream.cursorField] }),
  ...(stream.primaryKey === undefined || sameList(stream.primaryKey, offered?.sourceDefinedPrimaryKey)
    ? {}
    : { primaryKey: stream.primaryKey.map((k) => [...k]) }),
});

/** Airbyte answers an empty prefix for none: the descriptor leaves it out. */
const withoutEmptyPrefix = (connection: AirbyteConnection): OptionalConnectionFields => {
  const { prefix, ...rest } = connection;
  return prefix === '' ? rest : connection;
};

const connectionSpecific = (
  connection: AirbyteConnection,
  catalog: ReadonlyArray<DiscoveredStream>,
): JsonObject => ({
  name: connection.name,
  status: connection.status,
  schedule:
    connection.schedule.scheduleType === 'cron'
      ? // the descriptor's own form: single spaces, no time zone suffix (Airbyte answers "… UTC")
        { scheduleType: 'cron', cronExpression: normalizedCron(connection.schedule.cronExpression) }
      : { scheduleType: 'manual' },
  ...optionalConnectionFields(withoutEmptyPrefix(connection)),
  streams: connection.streams.map((s) =>
    streamSpecific(
      s,
      catalog.find((c) => c.name === s.name),
    ),
  ),
});

/** Only what a descriptor can say: a `basic` schedule, a deprecated or locked connection, cannot be. */
const importable = (connection: AirbyteConnection): TE.TaskEither<ProvisioningError, AirbyteConnection> => {
  const refused = (message: string) =>
    TE.left(stateConflict('read the connection', message, [connection.id]));
  if (connection.status !== 'active' && connection.status !== 'inactive') {
    return refused(`connection "${connection.name}" (${connection.id}) is ${connection.status}`);
  }
  if (connection.schedule.scheduleType === 'basic') {
    return refused(
      `connection "${connection.name}" (${connection.id}) has a basic schedule (${connection.schedule.basicTiming ?? 'every N hours'}), which a descriptor cannot declare: set a cron or manual schedule in Airbyte, then import it`,
    );
  }
  return TE.right(connection);
};

const findConnection =
  (deps: Pick<CoreDeps, 'gateway'>) =>
  (ref: ConnectionRef): TE.TaskEither<ProvisioningError, AirbyteConnection> =>
    ref._tag === 'ById'
      ? pipe(
          step(`find connection ${ref.id}`)(deps.gateway.findConnectionById(ref.id)),
          TE.chain(
            O.match(
              () =>
                TE.left(
                  invalidRequest([
                    problem('params.connectionId', `no connection ${ref.id} in the configured workspace`),
                  ]),
                ),
              (c) => TE.right(c),
            ),
          ),
        )
      : pipe(
          step(`find connection "${ref.name}"`)(deps.gateway.findConnectionsByName(ref.name)),
          TE.chain((matches) => {
            const [only, ...others] = matches;
            if (only !== undefined && others.length === 0) return TE.right(only);
            return TE.left(
              invalidRequest([
                problem(
                  'params.connectionName',
                  only === undefined
                    ? `no connection named "${ref.name}" in the configured workspace`
                    : `${matches.length} connections are named "${ref.name}" (${matches.map((m) => m.id).join(', ')}): give params.connectionId instead`,
                ),
              ]),
            );
          }),
        );

const actor =
  (deps: Pick<CoreDeps, 'gateway'>) =>
  (kind: ActorKind, id: string): TE.TaskEither<ProvisioningError, AirbyteActor> =>
    pipe(
      step(`find ${kind} ${id}`)(deps.gateway.findActorById(kind, id)),
      TE.chain(
        O.match(
          () => TE.left(stateConflict('read the connection', `its ${kind} ${id} no longer exists`, [id])),
          (a) => TE.right(a),
        ),
      ),
    );

/**
 * A resource a component already manages is not imported: two descriptors would then own one pipeline.
 * The conflict names the owner, so the user changes that component's descriptor or unprovisions it first.
 */
const notOwned =
  (deps: Pick<CoreDeps, 'ownership'>) =>
  (connection: AirbyteConnection): TE.TaskEither<ProvisioningError, void> =>
    refuseOwned(deps, [connection.id, connection.sourceId, connection.destinationId], (owner) =>
      stateConflict(
        'read the connection',
        `${owner.resource.kind} "${owner.resource.name}" (${owner.resource.id}) belongs to component ${owner.componentId}: change that component's descriptor, or unprovision it before importing`,
        [owner.resource.id],
      ),
    );

export const importConnection =
  (deps: Pick<CoreDeps, 'gateway' | 'profiles' | 'workspaceId' | 'workspaceName' | 'ownership'>) =>
  (ref: ConnectionRef): TE.TaskEither<ProvisioningError, ImportedConnection> =>
    pipe(
      findConnection(deps)(ref),
      TE.chain(importable),
      TE.chainFirst(notOwned(deps)),
      TE.bindTo('connection'),
      TE.bind('actors', ({ connection }) =>
        parallel({
          source: actor(deps)('source', connection.sourceId),
          destination: actor(deps)('destination', connection.destinationId),
        }),
      ),
      TE.bind('catalog', ({ connection }) =>
        step("discover the source's streams")(
          deps.gateway.discoverStreams(connection.sourceId, connection.destinationId),
        ),
      ),
      TE.map(({ connection, actors, catalog }) => {
        const sourceSecrets: string[] = [];
        const destinationSecrets: string[] = [];
        const source = actorSpecific(
          actors.source,
          deps.profiles.sources[actors.source.connectorType],
          sourceSecrets,
        );
        const destination = actorSpecific(
          actors.destination,
          deps.profiles.destinations[actors.destination.connectorType],
          destinationSecrets,
        );
        // secrets cannot be read back: the next provision takes those the user fills in as Airbyte's
        const adopt: JsonObject = {
          workspaceId: deps.workspaceId,
          ...(deps.workspaceName === undefined ? {} : { workspaceName: deps.workspaceName }),
          sourceId: actors.source.id,
          destinationId: actors.destination.id,
          connectionId: connection.id,
          sourceFingerprint: ADOPTED_FINGERPRINT,
          destinationFingerprint: ADOPTED_FINGERPRINT,
        };
        return {
          updates: {
            'spec.mesh.specific.source': source,
            'spec.mesh.specific.destination': destination,
            'spec.mesh.specific.connection': connectionSpecific(connection, catalog),
            'spec.mesh.specific.adopt': adopt,
          },
          secretPaths: [
            ...sourceSecrets.map((p) => `spec.mesh.specific.source.connectionConfiguration.${p}`),
            ...destinationSecrets.map((p) => `spec.mesh.specific.destination.connectionConfiguration.${p}`),
          ],
          connection,
        };
      }),
    );
