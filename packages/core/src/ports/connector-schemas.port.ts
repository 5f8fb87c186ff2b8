import type { ConnectorKind, ConnectorSchemaNode } from '../domain/connector-schema.js';

/**
 * The configuration schemas of Airbyte's published connectors, by connector type (`file`, `snowflake`).
 * Read while validating, which is synchronous and pure: the schemas are data loaded once by the adapter
 * that ships them, so their lookups answer at once instead of as a TaskEither.
 */
export interface ConnectorSchemas {
  /** The schema of a connector type, or undefined when the type is not a published connector. */
  readonly schemaOf: (kind: ConnectorKind, connectorType: string) => ConnectorSchemaNode | undefined;
  /** Every connector type of a kind, sorted. */
  readonly connectorTypes: (kind: ConnectorKind) => ReadonlyArray<string>;
}
