/**
 * With `DATABASE_URL`: the state ports rebound to their PostgreSQL implementations (tasks, deployment
 * records, ownership, updateacl's ledger, the per-component lease lock), one pool shared by all of them,
 * and the Airbyte gateways fenced by the lease (a replica that lost its lease stops before its next
 * Airbyte call, a grant or revoke of updateacl included).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ContainerModule } from 'inversify';
import {
  fencedGateway,
  makePostgresPool,
  makeRequestCipher,
  PostgresAclLedger,
  PostgresTaskSupervisor,
  PostgresDeploymentRecordRepository,
  PostgresLeaseLock,
  PostgresOwnershipRegistry,
  PostgresWorkspaceOwnerRegistry,
  PostgresTaskRepository,
  type TaskKind,
} from '@airbyte-provisioner/adapter-postgres';
import {
  AclLedgerToken,
  DeploymentRecordRepositoryToken,
  LockToken,
  LoggerToken,
  OwnershipRegistryToken,
  WorkspaceOwnerRegistryToken,
  portToken,
  ProvisioningTaskRepositoryToken,
  ValidationTaskRepositoryToken,
  type AirbyteGateway,
  type BackgroundWorkRunner,
  type CoreDeps,
  type Logger,
  type OperationResult,
  type UseCases,
  type ValidationOutcome,
} from '@airbyte-provisioner/core';
import type pg from 'pg';
import type { AppConfig, StateConfig } from '../config/app-config.js';
import { postgresStateStore } from '../state/postgres-state-store.js';
import { keepingRequests, takeOver } from '../state/takeover.js';
import {
  AirbyteGatewayForLoggerToken,
  AirbyteGatewayInWorkspaceToken,
  BackgroundWorkToken,
  ConfigToken,
  CoreDepsToken,
  StateStoreToken,
  UseCasesToken,
} from './tokens.js';

const PoolToken = portToken<pg.Pool>('cli/PostgresPool');
const LeaseLockToken = portToken<PostgresLeaseLock>('cli/PostgresLeaseLock');
const ProvisioningTasksToken = portToken<PostgresTaskRepository<OperationResult>>(
  'cli/PostgresProvisioningTasks',
);
const SupervisorToken = portToken<PostgresTaskSupervisor>('cli/PostgresTaskSupervisor');
const ValidationTasksToken = portToken<PostgresTaskRepository<ValidationOutcome>>(
  'cli/PostgresValidationTasks',
);

/** This process among the replicas: the lease rows and running tasks it holds name it. */
const replicaId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export const postgresStateModule = (state: StateConfig): ContainerModule =>
  new ContainerModule(({ bind, rebind, onActivation }) => {
    // one table holds both kinds of task, told apart by `kind`; this replica owns what it creates
    const taskRepository =
      <A>(kind: TaskKind) =>
      (pool: pg.Pool, config: AppConfig, logger: Logger): PostgresTaskRepository<A> =>
        new PostgresTaskRepository<A>(pool, {
          kind,
          ttlMs: config.tasks.ttlMs,
          owner: replicaId,
          onFinishDeferred: (token, reason) =>
            logger.warn(
              { taskToken: token, reason },
              'the end of a task waits for the database: recorded once it answers',
            ),
        });
    bind<pg.Pool>(PoolToken)
      .toResolvedValue(
        (logger: Logger) =>
          makePostgresPool({
            connectionString: state.databaseUrl,
            onIdleError: (error) => logger.warn({ error: error.message }, 'a database connection broke'),
          }),
        [LoggerToken],
      )
      .inSingletonScope();
    bind<PostgresLeaseLock>(LeaseLockToken)
      .toResolvedValue(
        (pool: pg.Pool) => new PostgresLeaseLock(pool, { owner: replicaId, ttlMs: state.leaseTtlMs }),
        [PoolToken],
      )
      .inSingletonScope();
    bind<PostgresTaskRepository<OperationResult>>(ProvisioningTasksToken)
      .toResolvedValue(taskRepository<OperationResult>('provisioning'), [PoolToken, ConfigToken, LoggerToken])
      .inSingletonScope();
    bind<PostgresTaskRepository<ValidationOutcome>>(ValidationTasksToken)
      .toResolvedValue(taskRepository<ValidationOutcome>('validation'), [PoolToken, ConfigToken, LoggerToken])
      .inSingletonScope();
    rebind(ProvisioningTaskRepositoryToken).toService(ProvisioningTasksToken);
    rebind(ValidationTaskRepositoryToken).toService(ValidationTasksToken);
    rebind(LockToken).toService(LeaseLockToken);
    rebind(DeploymentRecordRepositoryToken)
      .toResolvedValue((pool: pg.Pool) => new PostgresDeploymentRecordRepository(pool), [PoolToken])
      .inSingletonScope();
    rebind(OwnershipRegistryToken)
      .toResolvedValue((pool: pg.Pool) => new PostgresOwnershipRegistry(pool), [PoolToken])
      .inSingletonScope();
    rebind(WorkspaceOwnerRegistryToken)
      .toResolvedValue((pool: pg.Pool) => new PostgresWorkspaceOwnerRegistry(pool), [PoolToken])
      .inSingletonScope();
    rebind(AclLedgerToken)
      .toResolvedValue((pool: pg.Pool) => new PostgresAclLedger(pool), [PoolToken])
      .inSingletonScope();
    // updateacl runs under the workspace's lease: a replica that lost it grants and revokes nothing more
    onActivation(CoreDepsToken, (context, deps: CoreDeps) =>
      deps.access === undefined
        ? deps
        : {
            ...deps,
            access: {
              ...deps.access,
              gateway: fencedGateway(deps.access.gateway, context.get<PostgresLeaseLock>(LeaseLockToken)),
            },
          },
    );
    // the gateway scoped to a data product's workspace (per-data-product mode) checks the lease first
    onActivation(
      AirbyteGatewayInWorkspaceToken,
      (context, gatewayIn: (workspaceId: string) => (logger: Logger) => AirbyteGateway) =>
        (workspaceId: string) =>
        (logger: Logger) =>
          fencedGateway(gatewayIn(workspaceId)(logger), context.get<PostgresLeaseLock>(LeaseLockToken)),
    );
    // every gateway an operation gets (whichever logger it writes through) checks the lease first
    onActivation(
      AirbyteGatewayForLoggerToken,
      (context, gatewayFor: (logger: Logger) => AirbyteGateway) => (logger: Logger) =>
        fencedGateway(gatewayFor(logger), context.get<PostgresLeaseLock>(LeaseLockToken)),
    );
    bind<PostgresTaskSupervisor>(SupervisorToken)
      .toResolvedValue(
        (pool: pg.Pool) =>
          new PostgresTaskSupervisor(pool, {
            owner: replicaId,
            staleAfterMs: state.leaseTtlMs,
            maxTakeovers: state.maxTakeovers,
            ...(state.encryptionKey === undefined ? {} : { cipher: makeRequestCipher(state.encryptionKey) }),
          }),
        [PoolToken],
      )
      .inSingletonScope();
    onActivation(UseCasesToken, (context, useCases: UseCases) =>
      keepingRequests(
        useCases,
        context.get<PostgresTaskSupervisor>(SupervisorToken),
        context.get<Logger>(LoggerToken),
      ),
    );
    rebind(StateStoreToken)
      .toResolvedValue(
        (
          pool: pg.Pool,
          lock: PostgresLeaseLock,
          provisioning: PostgresTaskRepository<OperationResult>,
          validation: PostgresTaskRepository<ValidationOutcome>,
          logger: Logger,
          supervisor: PostgresTaskSupervisor,
          useCases: UseCases,
          background: BackgroundWorkRunner,
        ) =>
          postgresStateStore({
            pool,
            lock,
            tasks: [provisioning, validation],
            logger,
            supervisor,
            periodMs: Math.max(50, Math.floor(state.leaseTtlMs / 3)),
            takeOver: takeOver({
              useCases,
              provisioningTasks: provisioning,
              validationTasks: validation,
              background,
              logger,
            }),
          }),
        [
          PoolToken,
          LeaseLockToken,
          ProvisioningTasksToken,
          ValidationTasksToken,
          LoggerToken,
          SupervisorToken,
          UseCasesToken,
          BackgroundWorkToken,
        ],
      )
      .inSingletonScope();
  });
