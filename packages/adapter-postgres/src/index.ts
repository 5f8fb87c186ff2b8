export { makePostgresPool } from './postgres-pool.js';
export { isUnavailable } from './postgres-errors.js';
export { loadMigrations, migrate, SchemaTooNewError } from './migrations/migrations.js';
export { PostgresTaskRepository, type TaskKind } from './postgres-task-repository.js';
export { PostgresDeploymentRecordRepository } from './postgres-deployment-record-repository.js';
export { PostgresOwnershipRegistry } from './postgres-ownership-registry.js';
export { PostgresAclLedger } from './postgres-acl-ledger.js';
export { PostgresLeaseLock, fencedGateway } from './postgres-lease-lock.js';
export { makeRequestCipher } from './request-cipher.js';
export {
  PostgresTaskSupervisor,
  STOPPED_REPLICA_MESSAGE,
  takeoversExhaustedMessage,
  type ResumableOperation,
  type StaleTask,
} from './postgres-task-supervisor.js';
export { PostgresWorkspaceOwnerRegistry } from './postgres-workspace-owner-registry.js';
