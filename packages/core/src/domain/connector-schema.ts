/**
 * A connector's configuration schema, as far as validation and the scaffold need it: Airbyte's JSON
 * schema of the connector (`spec.connectionSpecification`) kept in short keys, so that the schemas of
 * every published connector stay small enough to ship (the Airbyte adapter generates and ships them).
 */
export interface ConnectorSchemaNode {
  /** JSON schema `type`: `string`, `integer`, `number`, `boolean`, `object`, `array` (or several). */
  readonly t?: string | ReadonlyArray<string>;
  /** `required` keys of an object. */
  readonly r?: ReadonlyArray<string>;
  /** `properties` of an object. */
  readonly p?: Readonly<Record<string, ConnectorSchemaNode>>;
  /** `enum`. */
  readonly e?: ReadonlyArray<unknown>;
  /** `const`. */
  readonly c?: unknown;
  /** `oneOf` (or `anyOf`) variants. */
  readonly o?: ReadonlyArray<ConnectorSchemaNode>;
  /** A variant's title (`HTTPS: Public Web`). */
  readonly v?: string;
  /** `items` of an array. */
  readonly i?: ConnectorSchemaNode;
  /** `pattern` of a string. */
  readonly x?: string;
  /** 1 when `airbyte_secret`: Airbyte masks the value on read. */
  readonly s?: 1;
  /** The description's first sentence, as plain text (required fields and secrets only). */
  readonly d?: string;
}

export type ConnectorKind = 'source' | 'destination';
