/**
 * In-memory Airbyte speaking the public API subset the provisioner uses, over real HTTP (node:http only).
 * It follows Airbyte's server code (airbytehq/airbyte-platform, publicapi controllers, services, helpers
 * and mappers) where that differs from the OpenAPI document: error bodies, stream and cron rules, reads
 * after delete, job states, pagination links. Every behaviour it models, the server source it was taken
 * from, and what it does not model are listed in packages/adapter-airbyte/README.md.
 */
export * from './sandbox.types.js';
export { startAirbyteSandbox, createSandboxControls, snapshotOf } from './start-airbyte-sandbox.js';
export {
  DEFAULT_SANDBOX_BASE_PATH,
  DEFAULT_SANDBOX_CLIENT_ID,
  DEFAULT_SANDBOX_CLIENT_SECRET,
  DEFAULT_SANDBOX_WORKSPACE_ID,
} from './start-airbyte-sandbox.js';
export { createSandboxRequestHandler, type SandboxControls } from './request-handler.js';
export { dispatch, type SandboxRequest } from './dispatch.js';
export type { SandboxReply } from './sandbox-reply.js';
export type { SandboxState } from './sandbox-state.js';
export { CONNECTOR_TYPES, type ConnectorType } from './connector-types.js';
