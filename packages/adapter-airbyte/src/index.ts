export {
  makeAirbytePublicApiGateway,
  MIN_DISCOVERY_TIMEOUT_MS,
  type AirbytePublicApiGateway,
} from './gateway/airbyte-public-api.gateway.js';
export type {
  AirbyteAuth,
  AirbyteCallEvent,
  AirbyteCallOutcome,
  AirbyteGatewayOptions,
  AirbyteRetryOptions,
} from './gateway/airbyte-gateway-options.js';
export {
  DEFAULT_MAX_CONCURRENT_CALLS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
} from './gateway/airbyte-gateway-options.js';
export { redactConfiguration } from './http/redact.js';
export { makeAirbyteAccessGateway } from './gateway/airbyte-access.gateway.js';
export { makeAirbyteWorkspaceDirectory } from './gateway/airbyte-workspace-directory.js';
export {
  CONNECTOR_SCHEMAS_NOTICE,
  publishedConnectorSchemas,
} from './connector-schemas/published-connector-schemas.js';
export { connectorScaffold } from './connector-schemas/connector-scaffold.js';
