/**
 * The public API of `@airbyte-provisioner/core`, by name. Anything not listed here is internal and may
 * change without notice; the fakes for tests are in `@airbyte-provisioner/core/testing`. The committed
 * report (packages/core/api-report.md) lists these with their signatures; `pnpm test` fails when it is
 * stale and `pnpm run api-report` updates it.
 */

// Use cases, and the dependencies they are bound to
export { makeUseCases, type UseCases } from './use-cases/make-use-cases.js';
export { createCoreDeps, type CoreDepsOptions } from './use-cases/create-core-deps.js';
export { jobSteps } from './use-cases/job-report.js';
export type {
  AccessSettings,
  CoreDeps,
  DataProductWorkspaces,
  PublishProgress,
} from './use-cases/core-deps.js';
export { DEFAULT_JOB_POLL_INTERVAL_MS } from './use-cases/sync-after-deploy.js';
export type {
  CheckReadyUseCase,
  GetProvisioningStatusUseCase,
  GetReverseProvisioningStatusUseCase,
  GetValidationStatusUseCase,
  OperationContext,
  PlanUseCase,
  ProvisionUseCase,
  ReverseProvisionUseCase,
  SubmitUpdateAclUseCase,
  SubmitUseCase,
  SubmitValidationUseCase,
  UnprovisionUseCase,
  UpdateAclUseCase,
  ValidateUseCase,
} from './use-cases/use-case.types.js';

// Ports and their tokens
export { portToken, type PortToken } from './ports/port-token.js';
export { AirbyteGatewayToken, type AirbyteGateway } from './ports/airbyte-gateway.port.js';
export type { AccessGateway } from './ports/access-gateway.port.js';
export { AclLedgerToken, type AclGrant, type AclLedger } from './ports/acl-ledger.port.js';
export type { Timer } from './ports/timer.port.js';
export type { BackgroundWork, BackgroundWorkRunner } from './ports/background-work.port.js';
export { ClockToken, type Clock } from './ports/clock.port.js';
export type { ConnectorSchemas } from './ports/connector-schemas.port.js';
export {
  DeploymentRecordRepositoryToken,
  type DeploymentRecordRepository,
} from './ports/deployment-record-repository.port.js';
export { IdGeneratorToken, type IdGenerator } from './ports/id-generator.port.js';
export { LockToken, type Lock } from './ports/lock.port.js';
export {
  LoggerToken,
  logsAt,
  silentLogger,
  type LogFn,
  type Logger,
  type LogLevelName,
} from './ports/logger.port.js';
export type { Scheduler } from './ports/scheduler.port.js';
export { SecretFingerprinterToken, type SecretFingerprinter } from './ports/secret-fingerprinter.port.js';
export {
  MAX_PROGRESS_LOGS,
  ProvisioningTaskRepositoryToken,
  ValidationTaskRepositoryToken,
  type TaskRepository,
} from './ports/task-repository.port.js';
export type { WorkspaceDirectory } from './ports/workspace-directory.port.js';
export {
  WorkspaceOwnerRegistryToken,
  workspaceNameTaken,
  type WorkspaceOwner,
  type WorkspaceOwnerRegistry,
} from './ports/workspace-owner-registry.port.js';
export {
  OwnershipRegistryToken,
  ownedElsewhere,
  type OwnedResource,
  type OwnershipRegistry,
  type ResourceOwner,
} from './ports/ownership-registry.port.js';

// In-memory implementations of the ports (the defaults of createCoreDeps)
export {
  defaultTaskRepositoryLimits,
  InMemoryTaskRepository,
  type TaskRepositoryLimits,
} from './in-memory/in-memory-task-repository.js';
export { InMemoryLock } from './in-memory/in-memory-lock.js';
export { InMemoryDeploymentRecordRepository } from './in-memory/in-memory-deployment-record-repository.js';
export { makeBackgroundWork } from './in-memory/background-work.js';
export { InMemoryOwnershipRegistry } from './in-memory/in-memory-ownership-registry.js';
export { InMemoryAclLedger } from './in-memory/in-memory-acl-ledger.js';
export { InMemoryWorkspaceOwnerRegistry } from './in-memory/in-memory-workspace-owner-registry.js';

// Errors: closed unions and one constructor per variant
export { formatProblem, problem, type Problem } from './errors/problem.js';
export { describeError } from './errors/describe-error.js';
export {
  accessNotReleased,
  airbyteFailure,
  internal,
  invalidRequest,
  stateConflict,
  stateUnavailable,
  unknownTask,
  unsupported,
  type ProvisioningError,
} from './errors/provisioning-error.js';
export {
  airbyteBadResponse,
  airbyteConflict,
  airbyteNotFound,
  airbyteRejected,
  airbyteUnauthorized,
  airbyteUnavailable,
  type AirbyteError,
} from './errors/airbyte-error.js';

// Requests: codecs, decoding, validation
export {
  ProvisioningRequest,
  ReverseProvisioningRequest,
  UpdateAclRequest,
  LegacyUpdateAclRequest,
  RefsUpdateAclRequest,
  type DescriptorKind,
  type ProvisionInfo,
} from './requests/requests.codec.js';
export { decodeWith, problemsFromErrors } from './requests/decode.js';
export { validateProvisioningRequest } from './descriptor/validate-provisioning-request.js';
export {
  checkConfiguration,
  type ConfigurationCheck,
  type MissingRequired,
} from './descriptor/connector-configuration-check.js';
export { parseRequestFile } from './descriptor/parse-request-file.js';
export { parseYamlSafely, type YamlLimits } from './descriptor/safe-yaml.js';
export { problemPositions, type TextPosition } from './descriptor/problem-position.js';
export type { DataProductHeader, ValidatedComponent } from './descriptor/validated-component.js';
export { DeploymentRecordCodec } from './descriptor/previous-record.reader.js';
export { isSecretKeyName, secretPathsOf } from './descriptor/desired-state.builder.js';
export { connectorMismatch } from './planner/plan-actor.js';

// Domain types
export type { JsonArray, JsonObject, JsonPrimitive, JsonValue } from './domain/json.js';
export type { ConnectorKind, ConnectorSchemaNode } from './domain/connector-schema.js';
export {
  syncModes,
  type ConnectionStatus,
  type ConnectorRef,
  type DesiredActor,
  type DesiredConnection,
  type DesiredState,
  type NamespaceDefinition,
  type NonBreakingSchemaUpdatesBehavior,
  type Schedule,
  type StreamSelection,
  type SyncMode,
  type SyncPolicy,
  type SyncWait,
} from './domain/desired-state.js';
export {
  workspaceRoles,
  type AirbyteGroup,
  type AirbytePermission,
  type AirbyteUser,
  type Principal,
  type WorkspaceRole,
} from './domain/access.js';
export type { ReverseProvisioningResult } from './domain/reverse-provisioning.js';
export {
  DEFAULT_WORKSPACE_NAME_TEMPLATE,
  parseWorkspaceNameTemplate,
  workspaceModes,
  type AirbyteWorkspace,
  type DataProductNaming,
  type WorkspaceNameTemplate,
} from './domain/workspace.js';
export {
  MASKED_SECRET,
  optionalConnectionFields,
  type ActorKind,
  type ActorSpec,
  type AirbyteActor,
  type AirbyteConnection,
  type AirbyteJob,
  type AirbyteSchedule,
  type AirbyteStream,
  type ConnectionSpec,
  type DiscoveredStream,
  type JobStatus,
  type OptionalConnectionFields,
  type ResourceKind,
} from './domain/airbyte-state.js';
export {
  noConnectorProfiles,
  type ConnectorProfile,
  type ConnectorProfiles,
} from './domain/connector-profile.js';
export type {
  DeploymentInfo,
  DeploymentRecord,
  DoubtfulCreate,
  InfoEntry,
  LogEntry,
  LogLevel,
  OperationFailure,
  OperationResult,
} from './domain/operation-result.js';
export type { PlannedChange, PlannedValue, StreamChange, ValueChange } from './domain/planned-change.js';
export type { TaskView } from './domain/task-view.js';
export type { ValidationOutcome } from './domain/validation-outcome.js';
