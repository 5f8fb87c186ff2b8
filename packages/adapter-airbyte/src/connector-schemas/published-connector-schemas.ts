/**
 * The configuration schemas of Airbyte's published connectors (236 sources, 37 destinations), generated
 * by scripts/generate-connector-schemas.js from the schemas the official SDKs and the Terraform provider
 * were built from (MIT, see the `notice` of the data file). Core validates descriptors through them, the
 * sandbox validates requests through them, and the CLI lists and scaffolds connectors from them.
 */
import type { ConnectorKind, ConnectorSchemaNode, ConnectorSchemas } from '@airbyte-provisioner/core';
import data from './connector-schemas.json' with { type: 'json' };

interface SchemaData {
  readonly notice: string;
  readonly sources: Readonly<Record<string, ConnectorSchemaNode>>;
  readonly destinations: Readonly<Record<string, ConnectorSchemaNode>>;
}

const schemaData = data as unknown as SchemaData;

const byKind = (kind: ConnectorKind): Readonly<Record<string, ConnectorSchemaNode>> =>
  kind === 'source' ? schemaData.sources : schemaData.destinations;

const sortedTypes = {
  source: Object.keys(schemaData.sources).sort(),
  destination: Object.keys(schemaData.destinations).sort(),
};

export const publishedConnectorSchemas: ConnectorSchemas = {
  schemaOf: (kind, connectorType) => {
    const schemas = byKind(kind);
    return Object.hasOwn(schemas, connectorType) ? schemas[connectorType] : undefined;
  },
  connectorTypes: (kind) => sortedTypes[kind],
};

/** Where the schemas come from and under which licence. */
export const CONNECTOR_SCHEMAS_NOTICE: string = schemaData.notice;
