import * as O from 'fp-ts/lib/Option.js';
import type { AirbyteActor, AirbyteConnection, DesiredState } from '../../src/domain/index.js';
import { MASKED_SECRET } from '../../src/domain/index.js';
import type { DeployFingerprints } from '../../src/planner/index.js';

export const desired: DesiredState = {
  source: {
    name: 'orders-file',
    connector: { _tag: 'ConnectorType', connectorType: 'file' },
    configuration: {
      url: 'https://example.com/orders.csv',
      format: 'csv',
      dataset_name: 'orders',
      provider: { storage: 'HTTPS', user_agent: false },
    },
    secretPaths: [],
  },
  destination: {
    name: 'orders-snowflake',
    connector: { _tag: 'ConnectorType', connectorType: 'snowflake' },
    configuration: {
      host: 'acme.snowflakecomputing.com',
      database: 'SALES',
      schema: 'ORDERS',
      credentials: { password: 's3cret' },
    },
    secretPaths: ['credentials.password'],
  },
  connection: {
    name: 'orders-file → snowflake',
    streams: { _tag: 'All' },
    schedule: { scheduleType: 'manual' },
    status: 'active',
    syncOnProvision: 'never',
  },
};

export const sourceActor: AirbyteActor = {
  kind: 'source',
  id: 'src-1',
  name: 'orders-file',
  workspaceId: 'ws',
  connectorType: 'file',
  definitionId: 'def-file',
  configuration: { ...desired.source.configuration, sourceType: 'file' },
};

export const destinationActor: AirbyteActor = {
  kind: 'destination',
  id: 'dst-1',
  name: 'orders-snowflake',
  workspaceId: 'ws',
  connectorType: 'snowflake',
  definitionId: 'def-snowflake',
  configuration: {
    host: 'acme.snowflakecomputing.com',
    database: 'SALES',
    schema: 'ORDERS',
    credentials: { password: MASKED_SECRET },
    destinationType: 'snowflake',
  },
};

export const connection: AirbyteConnection = {
  id: 'con-1',
  name: 'orders-file → snowflake',
  workspaceId: 'ws',
  sourceId: 'src-1',
  destinationId: 'dst-1',
  status: 'active',
  schedule: { scheduleType: 'manual' },
  streams: [{ name: 'orders', syncMode: 'full_refresh_overwrite' }],
};

export const located = {
  source: O.some(sourceActor),
  destination: O.some(destinationActor),
  connection: O.some(connection),
};

export const nothingLocated = { source: O.none, destination: O.none, connection: O.none };

export const knownFingerprints: DeployFingerprints = {
  source: { desired: undefined, stored: O.none },
  destination: { desired: 'fp-1', stored: O.some('fp-1') },
};
