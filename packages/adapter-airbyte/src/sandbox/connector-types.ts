/**
 * The connector types the sandbox knows, with Airbyte's real definition ids (from Airbyte's connector
 * registry: source-file 778daa7c-…, destination-snowflake 424892c4-…, source/destination-postgres), the
 * configuration fields their specs mark `airbyte_secret` and the fields their specs require.
 */
import type { DestinationSyncMode } from './sync-modes.js';

export type ActorKind = 'source' | 'destination';

export interface ConnectorType {
  readonly kind: ActorKind;
  /** The `sourceType` / `destinationType` name. */
  readonly type: string;
  readonly definitionId: string;
  /** Dot paths below `configuration`; `*` matches any key (the branches of a oneOf). */
  readonly secretPaths: ReadonlyArray<string>;
  readonly requiredFields: ReadonlyArray<string>;
  /** A destination's `supported_destination_sync_modes` (its connector spec); none for a source. */
  readonly destinationSyncModes?: ReadonlyArray<DestinationSyncMode>;
}

// destination-snowflake's and destination-postgres's specs (connector registry)
const WAREHOUSE_MODES: ReadonlyArray<DestinationSyncMode> = ['overwrite', 'append', 'append_dedup'];

export const CONNECTOR_TYPES: ReadonlyArray<ConnectorType> = [
  {
    kind: 'source',
    type: 'file',
    definitionId: '778daa7c-feaf-4db6-96f3-70fd645acc77',
    // source-file's provider branches: GCS, S3, AzBlob, SSH/SCP/SFTP
    secretPaths: [
      'provider.service_account_json',
      'provider.aws_access_key_id',
      'provider.aws_secret_access_key',
      'provider.sas_token',
      'provider.shared_key',
      'provider.password',
    ],
    requiredFields: ['dataset_name', 'format', 'url', 'provider'],
  },
  {
    kind: 'source',
    type: 'postgres',
    definitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
    secretPaths: ['password', 'tunnel_method.tunnel_user_password', 'tunnel_method.ssh_key'],
    requiredFields: ['host', 'port', 'database', 'username'],
  },
  {
    kind: 'destination',
    type: 'snowflake',
    definitionId: '424892c4-daac-4491-b35d-c6688ba547ba',
    secretPaths: [
      'credentials.password',
      'credentials.private_key',
      'credentials.private_key_password',
      'credentials.access_token',
      'credentials.refresh_token',
      'credentials.client_secret',
    ],
    // the spec also requires host, role, warehouse and username; not enforced so that a sandbox runs
    // without platform settings (documented simplification)
    requiredFields: ['database', 'schema'],
    destinationSyncModes: WAREHOUSE_MODES,
  },
  {
    kind: 'destination',
    type: 'postgres',
    definitionId: '25c5221d-dce2-4163-ade9-739ef790f503',
    secretPaths: ['password', 'tunnel_method.tunnel_user_password', 'tunnel_method.ssh_key'],
    requiredFields: ['host', 'port', 'database', 'schema', 'username'],
    destinationSyncModes: WAREHOUSE_MODES,
  },
];

export const connectorByType = (kind: ActorKind, type: string): ConnectorType | undefined =>
  CONNECTOR_TYPES.find((c) => c.kind === kind && c.type === type);

export const connectorByDefinition = (kind: ActorKind, definitionId: string): ConnectorType | undefined =>
  CONNECTOR_TYPES.find((c) => c.kind === kind && c.definitionId === definitionId);
