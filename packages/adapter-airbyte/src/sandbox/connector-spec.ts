/**
 * The one place where the sandbox checks a source or destination configuration against its connector's
 * spec, as Airbyte's SourceHandler/DestinationHandler do (`validator.ensure(spec.connectionSpecification,
 * configuration)` on create, and on the stored configuration merged with the update on PUT and PATCH).
 * A failure is 422 `unprocessable-entity` with the validator's errors in `data.message`
 * (ConfigClientErrorHandler.handleError, JsonValidationException).
 *
 * Each connector type's required top-level fields, and its published schema (types, enums, patterns,
 * oneOf variants), worded like the JSON schema validator's messages (`$: required property 'x' not found`,
 * `$.format: must be one of csv, ...`).
 */
import { checkConfiguration } from '@airbyte-provisioner/core';
import { publishedConnectorSchemas } from '../connector-schemas/published-connector-schemas.js';
import type { ConnectorType } from './connector-types.js';
import { connectorSpecMessage, unprocessableEntity, type SandboxReply } from './sandbox-reply.js';
import type { JsonRecord } from './secrets.js';

const requiredErrors = (connector: ConnectorType, configuration: JsonRecord): ReadonlyArray<string> =>
  connector.requiredFields
    .filter((field) => configuration[field] === undefined || configuration[field] === null)
    .map((field) => `$: required property '${field}' not found`);

/**
 * Types, enums and constants, patterns and oneOf variants, from the connector's published schema (the
 * same data the provisioner validates descriptors with). Its required fields are left to
 * `requiredFields`, which the sandbox keeps shorter for some connectors (documented in connector-types.ts).
 */
const schemaErrors = (connector: ConnectorType, configuration: JsonRecord): ReadonlyArray<string> => {
  const schema = publishedConnectorSchemas.schemaOf(connector.kind, connector.type);
  if (schema === undefined) return [];
  const { [`${connector.kind}Type`]: _discriminator, ...rest } = configuration;
  return checkConfiguration(schema, rest, '$', `${connector.type} ${connector.kind}`, 'warning').problems.map(
    (p) => `${p.path}: ${p.message}`,
  );
};

/** What the configuration breaks of the connector's spec, one message per problem; empty when valid. */
export const specErrors = (connector: ConnectorType, configuration: JsonRecord): ReadonlyArray<string> => [
  ...requiredErrors(connector, configuration),
  ...schemaErrors(connector, configuration),
];

/** The 422 answer for a configuration that fails its connector's spec, or undefined when it passes. */
export const checkConnectorSpec = (
  connector: ConnectorType,
  configuration: JsonRecord,
): SandboxReply | undefined => {
  const errors = specErrors(connector, configuration);
  return errors.length === 0 ? undefined : unprocessableEntity(connectorSpecMessage(errors));
};
