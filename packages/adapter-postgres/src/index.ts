export { makePostgresPool, inTransaction, type PostgresPoolOptions } from './postgres-pool.js';
export { databaseError, isUnavailable } from './postgres-errors.js';
export {
  defaultMigrationsDir,
  loadMigrations,
  migrate,
  schemaState,
  SchemaTooNewError,
  type Migration,
  type MigrationOutcome,
  type SchemaState,
} from './migrations/migrations.js';
export {
  PostgresTaskRepository,
  type PostgresTaskRepositoryOptions,
  type TaskKind,
} from './postgres-task-repository.js';
export { PostgresDeploymentRecordRepository } from './postgres-deployment-record-repository.js';
export { PostgresOwnershipRegistry } from './postgres-ownership-registry.js';
export { PostgresAclLedger } from './postgres-acl-ledger.js';
export { PostgresLeaseLock, fencedGateway, type LeaseOptions } from './postgres-lease-lock.js';
export { makeRequestCipher, type RequestCipher } from './request-cipher.js';
export {
  PostgresTaskSupervisor,
  STOPPED_REPLICA_MESSAGE,
  takeoversExhaustedMessage,
  type ResumableOperation,
  type StaleTask,
  type TaskSupervisorOptions,
} from './postgres-task-supervisor.js';
export { PostgresWorkspaceOwnerRegistry } from './postgres-workspace-owner-registry.js';
