/**
 * From a decoded workload to the state Airbyte must hold: platform profiles merged per connector type
 * (`enforced` wins over the descriptor, `defaults` fill gaps), secret fields located, defaults applied.
 */
import { optionalConnectionFields } from '../domain/airbyte-state.js';
import type { ConnectorProfile, ConnectorProfiles } from '../domain/connector-profile.js';
import type {
  ConnectorRef,
  DesiredActor,
  DesiredState,
  StreamSelection,
  SyncPolicy,
} from '../domain/desired-state.js';
import type { JsonObject, JsonValue } from '../domain/json.js';
import { normalizedCron } from './quartz-cron.js';
import type { StreamSpec, WorkloadSpecific } from './workload-spec.codec.js';

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const own = (object: JsonObject, key: string): JsonValue | undefined =>
  Object.hasOwn(object, key) ? object[key] : undefined;

/**
 * Deep merge: objects merge key by key, anything else from `over` replaces `under`. Built with
 * `Object.fromEntries` and own-property reads so that a descriptor key named `__proto__` stays plain data.
 */
export const deepMerge = (under: JsonObject, over: JsonObject): JsonObject =>
  Object.fromEntries(
    [...new Set([...Object.keys(under), ...Object.keys(over)])].map((key): [string, JsonValue] => {
      const below = own(under, key);
      const above = own(over, key);
      if (above === undefined) return [key, below as JsonValue];
      return [key, isObject(below) && isObject(above) ? deepMerge(below, above) : above];
    }),
  );

const knownSecretPaths: Readonly<Record<string, ReadonlyArray<string>>> = {
  snowflake: [
    'credentials.password',
    'credentials.private_key',
    'credentials.private_key_password',
    'password',
  ],
  file: [
    'provider.password',
    'provider.service_account_json',
    'provider.aws_secret_access_key',
    'provider.sas_token',
    'provider.shared_key',
    'provider.private_key',
  ],
};

const secretKey =
  /(password|passphrase|secret|token|private_key|ssh_key|credentials_json|service_account_(json|key|info)|api_key|access_key|sas_key|shared_key)/i;

/** Whether a configuration key's name alone says its value is secret (as `secretPathsOf` decides). */
export const isSecretKeyName = (key: string): boolean => secretKey.test(key);

/**
 * Dot paths of secret leaves: the connector's known ones, and any key whose name says it is secret.
 * A number counts too (`password: 123456` unquoted in YAML): Airbyte masks it on read, so unless it is
 * fingerprinted as a secret a change to it would go unseen.
 */
export const secretPathsOf = (
  connectorType: string | undefined,
  configuration: JsonObject,
): ReadonlyArray<string> => {
  const found = new Set<string>();
  const walk = (node: JsonObject, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (isObject(value)) walk(value, path);
      else if (
        (typeof value === 'string' || typeof value === 'number') &&
        (isSecretKeyName(key) || knownSecretPaths[connectorType ?? '']?.includes(path))
      ) {
        found.add(path);
      }
    }
  };
  walk(configuration, '');
  return [...found].sort();
};

const resolveActor = (
  name: string,
  connectorType: string | undefined,
  definitionId: string | undefined,
  fallbackType: string,
  configuration: JsonObject,
  profiles: Readonly<Record<string, ConnectorProfile>>,
  templateDefaults: JsonObject = {},
): DesiredActor => {
  const connector: ConnectorRef =
    definitionId !== undefined
      ? { _tag: 'DefinitionId', definitionId }
      : { _tag: 'ConnectorType', connectorType: connectorType ?? fallbackType };
  // A connector chosen by definition id (a custom or pinned connector) has no type name to key a profile
  // by, so its profile, if the platform configures one, is keyed by that id.
  const profileKey = connector._tag === 'DefinitionId' ? connector.definitionId : connector.connectorType;
  const profile = profiles[profileKey];
  // the template's defaults lie under the profile's: the platform's choice wins over the form's promise
  const under = profile === undefined ? templateDefaults : deepMerge(templateDefaults, profile.defaults);
  const described = deepMerge(under, configuration);
  const merged = profile === undefined ? described : deepMerge(described, profile.enforced);
  const typeName = connector._tag === 'ConnectorType' ? connector.connectorType : undefined;
  return { name, connector, configuration: merged, secretPaths: secretPathsOf(typeName, merged) };
};

/** An hour: long enough for a first load of a small table, short enough that a stuck sync is noticed. */
export const DEFAULT_SYNC_TIMEOUT_SECONDS = 3600;

/** The boolean is the first form of the field: true always syncs, false never does. */
const syncPolicyOf = (value: boolean | SyncPolicy | undefined): SyncPolicy =>
  value === true ? 'always' : value === false || value === undefined ? 'never' : value;

const toSelection = (s: StreamSpec): StreamSelection => ({
  name: s.name,
  ...(s.syncMode === undefined ? {} : { syncMode: s.syncMode }),
  ...(s.cursorField === undefined ? {} : { cursorField: s.cursorField }),
  ...(s.primaryKey === undefined ? {} : { primaryKey: s.primaryKey }),
});

/** Defaults that depend on the data product rather than the platform (see template-defaults.ts). */
export interface TemplateDefaults {
  readonly destination: JsonObject;
}

export const buildDesiredState = (
  specific: WorkloadSpecific,
  profiles: ConnectorProfiles,
  templateDefaults: TemplateDefaults = { destination: {} },
): DesiredState => {
  const { source, destination, connection } = specific;
  const schedule = connection.schedule;
  return {
    source: resolveActor(
      source.name,
      source.sourceType,
      source.definitionId,
      'file',
      source.connectionConfiguration as JsonObject,
      profiles.sources,
    ),
    destination: resolveActor(
      destination.name,
      destination.destinationType,
      destination.definitionId,
      'snowflake',
      destination.connectionConfiguration as JsonObject,
      profiles.destinations,
      destination.definitionId === undefined ? templateDefaults.destination : {},
    ),
    connection: {
      name: connection.name,
      streams:
        connection.streams === undefined || connection.streams.length === 0
          ? { _tag: 'All' }
          : { _tag: 'Selected', streams: connection.streams.map(toSelection) },
      schedule:
        schedule?.scheduleType === 'cron' && schedule.cronExpression !== undefined
          ? // one space between fields, no UTC suffix: the planner compares this text with what Airbyte holds
            { scheduleType: 'cron', cronExpression: normalizedCron(schedule.cronExpression) }
          : { scheduleType: 'manual' },
      status: connection.status ?? 'active',
      ...optionalConnectionFields(connection),
      syncOnProvision: syncPolicyOf(connection.syncOnProvision),
      ...(connection.waitForSync === true
        ? {
            waitForSync: {
              timeoutSeconds: connection.syncTimeoutSeconds ?? DEFAULT_SYNC_TIMEOUT_SECONDS,
              onTimeout: connection.onSyncTimeout ?? 'fail',
            },
          }
        : {}),
    },
  };
};
