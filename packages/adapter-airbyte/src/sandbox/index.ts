/**
 * In-memory Airbyte speaking the public API subset the provisioner uses, over real HTTP (node:http only).
 *
 * Faithful to public-api.yaml: paths and methods; create answers 200 with the resource, DELETE 204;
 * required request fields (SourceCreateRequest name/workspaceId/configuration, *PutRequest
 * name/configuration, ConnectionCreateRequest sourceId/destinationId, JobCreateRequest); response shapes
 * (SourceResponse, DestinationResponse, ConnectionResponse with createdAt in epoch seconds, JobResponse
 * with int64 jobId, StreamPropertiesResponse, WorkspaceResponse, PublicAccessTokenResponse); list paging
 * with limit (1..100, default 20), offset, includeDeleted, workspaceIds, and next/previous links; enums
 * (sync modes, schedule types, connection statuses, namespace definitions, job types and statuses);
 * `/applications/token` with JSON or form bodies.
 * Faithful to documented Airbyte behaviour: problem-JSON errors (`type`
 * https://reference.airbyte.com/reference/errors, title like `bad-request`); 422 when neither definitionId
 * nor configuration.sourceType/destinationType is given; `**********` for secret fields on read; a masked
 * secret sent back keeps the stored one; configurations are stored and answered without their
 * `sourceType`/`destinationType`; real definition ids for File (source), Snowflake (destination) and
 * Postgres; Quartz cron validation with the time zone appended to the stored expression (` UTC`); names
 * are not unique; deleted connections read as status `deprecated`; one running job per connection.
 * Simplified or guessed (not stated by the spec): wrong client credentials → 401; a token's reach is the
 * workspaces of its application, and other workspaces' resources answer 404 (403 for a workspaceIds filter
 * or a create into a reachable-but-foreign workspace, 404 for an unknown one); `next` appears on every full
 * page; lists are in creation order (jobs by jobId, `orderBy …|DESC` reverses); unknown connector type
 * name → 400, unknown definitionId → 404; connector specs check only a few required fields (Snowflake:
 * database and schema only); PATCH of a
 * source/destination merges configuration objects deeply; a different sourceId/destinationId in a
 * connection PATCH → 400; the default connection name is "<source> → <destination>"; default sync mode is
 * full_refresh_overwrite when supported; jobs succeed after N polls or a short time with made-up byte and
 * row counts; `includeSecretCoordinates` is ignored; deleted sources/destinations answer 404.
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
