/**
 * The one place where the sandbox checks a source or destination configuration against its connector's
 * spec, as Airbyte's SourceHandler/DestinationHandler do (`validator.ensure(spec.connectionSpecification,
 * configuration)` on create, and on the stored configuration merged with the update on PUT and PATCH).
 * A failure is 422 `unprocessable-entity` with the validator's errors in `data.message`
 * (ConfigClientErrorHandler.handleError, JsonValidationException).
 *
 * Today the check knows only each connector type's required top-level fields; a schema-driven check plugs
 * in here by replacing `specErrors` (its messages worded like the JSON schema validator's: `$: required
 * property 'x' not found`).
 */
import type { ConnectorType } from './connector-types.js';
import { connectorSpecMessage, unprocessableEntity, type SandboxReply } from './sandbox-reply.js';
import type { JsonRecord } from './secrets.js';

/** What the configuration breaks of the connector's spec, one message per problem; empty when valid. */
export const specErrors = (connector: ConnectorType, configuration: JsonRecord): ReadonlyArray<string> =>
  connector.requiredFields
    .filter((field) => configuration[field] === undefined || configuration[field] === null)
    .map((field) => `$: required property '${field}' not found`);

/** The 422 answer for a configuration that fails its connector's spec, or undefined when it passes. */
export const checkConnectorSpec = (
  connector: ConnectorType,
  configuration: JsonRecord,
): SandboxReply | undefined => {
  const errors = specErrors(connector, configuration);
  return errors.length === 0 ? undefined : unprocessableEntity(connectorSpecMessage(errors));
};
