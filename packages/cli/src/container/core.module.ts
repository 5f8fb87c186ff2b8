/**
 * Binds the core's ports to their Node implementations, and the core's dependencies as one `CoreDeps`.
 * Everything is a singleton: one lock, one task store, one set of background work per process.
 */
import { ContainerModule } from 'inversify';
import { publishedConnectorSchemas } from '@airbyte-provisioner/adapter-airbyte';
import {
  AclLedgerToken,
  AirbyteGatewayToken,
  ClockToken,
  DeploymentRecordRepositoryToken,
  IdGeneratorToken,
  InMemoryAclLedger,
  InMemoryDeploymentRecordRepository,
  InMemoryLock,
  InMemoryOwnershipRegistry,
  InMemoryTaskRepository,
  InMemoryWorkspaceOwnerRegistry,
  WorkspaceOwnerRegistryToken,
  type WorkspaceOwnerRegistry,
  LockToken,
  LoggerToken,
  makeBackgroundWork,
  OwnershipRegistryToken,
  ProvisioningTaskRepositoryToken,
  SecretFingerprinterToken,
  ValidationTaskRepositoryToken,
  type AclLedger,
  type AirbyteGateway,
  type BackgroundWorkRunner,
  type Clock,
  type CoreDeps,
  type DeploymentRecordRepository,
  type IdGenerator,
  type Lock,
  type Logger,
  type OperationResult,
  type OwnershipRegistry,
  type SecretFingerprinter,
  type TaskRepository,
  type ValidationOutcome,
} from '@airbyte-provisioner/core';
import type { AirbyteAuth } from '@airbyte-provisioner/adapter-airbyte';
import {
  deriveFingerprintKey,
  makeHmacSecretFingerprinter,
  randomUuidIdGenerator,
  systemClock,
  systemTimer,
} from '@airbyte-provisioner/node-runtime';
import type { AppConfig } from '../config/app-config.js';
import { JsonFileDeploymentRecordRepository } from '../node/json-file-deployment-record-repository.js';
import { makePinoLogger } from '../node/pino-logger.js';
import { inMemoryStateStore } from '../state/state-store.js';
import { timerScheduler } from '../node/timer-scheduler.js';
import { accessSettingsOf } from './access-settings.js';
import { dataProductWorkspacesOf } from './workspace-settings.js';
import { bindPort } from './resolve.js';
import type { Collaborators } from '../collaborators/collaborators.js';
import {
  AirbyteGatewayForLoggerToken,
  AirbyteGatewayInWorkspaceToken,
  BackgroundWorkToken,
  CollaboratorsToken,
  ConfigToken,
  CoreDepsToken,
  PinoLoggerToken,
  RuntimeToken,
  StateStoreToken,
  UseCasesToken,
  type RuntimeOptions,
} from './tokens.js';

/** The parts of the Airbyte credentials the default fingerprint key is derived from. */
const credentialMaterial = (auth: AirbyteAuth): ReadonlyArray<string> => {
  switch (auth.type) {
    case 'clientCredentials':
      return [auth.type, auth.clientId, auth.clientSecret];
    case 'bearer':
      return [auth.type, auth.token];
    case 'basic':
      return [auth.type, auth.username, auth.password];
    case 'none':
      return [auth.type];
  }
};

/**
 * `SECRET_FINGERPRINT_KEY`, or a key derived from the Airbyte workspace id and credentials, which are
 * stable and secret (rotating those credentials also rotates the key).
 */
export const fingerprintKeyOf = (config: AppConfig): string =>
  config.fingerprintKey.source === 'env'
    ? config.fingerprintKey.key
    : deriveFingerprintKey(
        config.airbyte?.workspaceId ?? '',
        credentialMaterial(config.airbyte?.auth ?? { type: 'none' }),
      );

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const coreDeps = (
  config: AppConfig,
  gateway: AirbyteGateway,
  gatewayFor: (logger: Logger) => AirbyteGateway,
  clock: Clock,
  ids: IdGenerator,
  lock: Lock,
  fingerprinter: SecretFingerprinter,
  logger: Logger,
  provisioningTasks: TaskRepository<OperationResult>,
  validationTasks: TaskRepository<ValidationOutcome>,
  deploymentRecords: DeploymentRecordRepository,
  background: BackgroundWorkRunner,
  ownership: OwnershipRegistry,
  aclLedger: AclLedger,
  workspaceOwners: WorkspaceOwnerRegistry,
  gatewayIn: (workspaceId: string) => (logger: Logger) => AirbyteGateway,
): CoreDeps => ({
  gateway,
  gatewayFor,
  workspaceId: config.airbyte?.workspaceId ?? '',
  ...(config.airbyte?.uiUrl === undefined ? {} : { airbyteUiUrl: config.airbyte.uiUrl }),
  profiles: config.profiles,
  connectorSchemas: publishedConnectorSchemas,
  scheduler: timerScheduler,
  clock,
  ids,
  lock,
  fingerprinter,
  logger,
  provisioningTasks,
  validationTasks,
  deploymentRecords,
  background,
  ownership,
  timer: systemTimer,
  ...optional('access', accessSettingsOf(config, logger, aclLedger)),
  ...optional('workspaces', dataProductWorkspacesOf(config, logger, workspaceOwners, gatewayIn)),
  ...(config.airbyte?.jobPollMs === undefined ? {} : { jobPollIntervalMs: config.airbyte.jobPollMs }),
});

export const coreModule = (): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindPort(bind, ClockToken).toConstantValue(systemClock);
    bindPort(bind, IdGeneratorToken).toConstantValue(randomUuidIdGenerator);
    bindPort(bind, LockToken)
      .toResolvedValue(() => new InMemoryLock())
      .inSingletonScope();
    bindPort(bind, PinoLoggerToken)
      .toResolvedValue(
        (config: AppConfig, runtime: RuntimeOptions) =>
          makePinoLogger({
            // a command's progress goes to stderr too: its info lines would drown it
            level: runtime.logFd === 2 ? config.commandLogLevel : config.logLevel,
            fd: runtime.logFd,
          }),
        [ConfigToken, RuntimeToken],
      )
      .inSingletonScope();
    bindPort(bind, LoggerToken).toService(PinoLoggerToken);
    bindPort(bind, SecretFingerprinterToken)
      .toResolvedValue(
        (config: AppConfig) => makeHmacSecretFingerprinter(fingerprintKeyOf(config)),
        [ConfigToken],
      )
      .inSingletonScope();
    bindPort(bind, ProvisioningTaskRepositoryToken)
      .toResolvedValue(
        (clock: Clock, config: AppConfig) => new InMemoryTaskRepository<OperationResult>(clock, config.tasks),
        [ClockToken, ConfigToken],
      )
      .inSingletonScope();
    bindPort(bind, ValidationTaskRepositoryToken)
      .toResolvedValue(
        (clock: Clock, config: AppConfig) =>
          new InMemoryTaskRepository<ValidationOutcome>(clock, config.tasks),
        [ClockToken, ConfigToken],
      )
      .inSingletonScope();
    bindPort(bind, DeploymentRecordRepositoryToken)
      .toResolvedValue(
        (runtime: RuntimeOptions): DeploymentRecordRepository =>
          runtime.stateFile === undefined
            ? new InMemoryDeploymentRecordRepository()
            : new JsonFileDeploymentRecordRepository(runtime.stateFile),
        [RuntimeToken],
      )
      .inSingletonScope();
    bindPort(bind, OwnershipRegistryToken)
      .toResolvedValue(() => new InMemoryOwnershipRegistry())
      .inSingletonScope();
    bindPort(bind, WorkspaceOwnerRegistryToken)
      .toResolvedValue(() => new InMemoryWorkspaceOwnerRegistry())
      .inSingletonScope();
    bindPort(bind, AclLedgerToken)
      .toResolvedValue(() => new InMemoryAclLedger())
      .inSingletonScope();
    bindPort(bind, StateStoreToken).toConstantValue(inMemoryStateStore);
    bindPort(bind, BackgroundWorkToken)
      .toResolvedValue(
        (logger: Logger) =>
          makeBackgroundWork((error) =>
            logger.error({ err: error }, 'a background operation failed unexpectedly'),
          ),
        [LoggerToken],
      )
      .inSingletonScope();
    bindPort(bind, CoreDepsToken)
      .toResolvedValue(coreDeps, [
        ConfigToken,
        AirbyteGatewayToken,
        AirbyteGatewayForLoggerToken,
        ClockToken,
        IdGeneratorToken,
        LockToken,
        SecretFingerprinterToken,
        LoggerToken,
        ProvisioningTaskRepositoryToken,
        ValidationTaskRepositoryToken,
        DeploymentRecordRepositoryToken,
        BackgroundWorkToken,
        OwnershipRegistryToken,
        AclLedgerToken,
        WorkspaceOwnerRegistryToken,
        AirbyteGatewayInWorkspaceToken,
      ])
      .inSingletonScope();
    bindPort(bind, UseCasesToken)
      .toResolvedValue(
        (collaborators: Collaborators, deps: CoreDeps) => collaborators.makeUseCases(deps),
        [CollaboratorsToken, CoreDepsToken],
      )
      .inSingletonScope();
  });
