/** Everything the use cases need, bound by the composition root (or `makeTestDeps` in tests). */
import type { ConnectorProfiles } from '../domain/connector-profile.js';
import type { WorkspaceRole } from '../domain/access.js';
import type { AccessGateway } from '../ports/access-gateway.port.js';
import type { AclLedger } from '../ports/acl-ledger.port.js';
import type { LogEntry, OperationResult } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { ReverseProvisioningResult } from '../domain/reverse-provisioning.js';
import type { AirbyteGateway } from '../ports/airbyte-gateway.port.js';
import type { Clock } from '../ports/clock.port.js';
import type { Scheduler } from '../ports/scheduler.port.js';
import type { ConnectorSchemas } from '../ports/connector-schemas.port.js';
import type { DeploymentRecordRepository } from '../ports/deployment-record-repository.port.js';
import type { IdGenerator } from '../ports/id-generator.port.js';
import type { Lock } from '../ports/lock.port.js';
import type { Logger } from '../ports/logger.port.js';
import type { OwnershipRegistry } from '../ports/ownership-registry.port.js';
import type { OperationContext } from './use-case.types.js';
import type { SecretFingerprinter } from '../ports/secret-fingerprinter.port.js';
import type { TaskRepository } from '../ports/task-repository.port.js';
import type { Timer } from '../ports/timer.port.js';
import type { BackgroundWorkRunner } from '../ports/background-work.port.js';
import type { ValidationOutcome } from '../domain/validation-outcome.js';
import type { WorkspaceNameTemplate } from '../domain/workspace.js';
import type { WorkspaceDirectory } from '../ports/workspace-directory.port.js';
import type { WorkspaceOwnerRegistry } from '../ports/workspace-owner-registry.port.js';

export interface AccessSettings {
  readonly gateway: AccessGateway;
  readonly ledger: AclLedger;
  readonly organizationId: string;
  readonly role: WorkspaceRole;
}

/** `AIRBYTE_WORKSPACE_MODE=per-data-product`: each data product's components in a workspace of its own. */
export interface DataProductWorkspaces {
  readonly template: WorkspaceNameTemplate;
  readonly directory: WorkspaceDirectory;
  readonly owners: WorkspaceOwnerRegistry;
  /** Where new workspaces are created (`AIRBYTE_ORGANIZATION_ID`); Airbyte's default organization when absent. */
  readonly organizationId?: string;
  /** The gateway scoped to one workspace, writing through one operation's logger. */
  readonly gatewayIn: (workspaceId: string) => (logger: Logger) => AirbyteGateway;
}

export interface CoreDeps {
  readonly gateway: AirbyteGateway;
  /**
   * The gateway one operation uses, writing its log lines through that operation's logger (the caller's,
   * which names its request). An adapter that logs builds it over the same connection and limits; a
   * gateway that does not log answers itself.
   */
  readonly gatewayFor: (logger: Logger) => AirbyteGateway;
  /** The Airbyte workspace every resource lives in (recorded in `privateInfo`, used in UI links). */
  readonly workspaceId: string;
  /** The name of `workspaceId` when it is a data product's own (recorded, and shown in `publicInfo`). */
  readonly workspaceName?: string;
  /** Per-data-product workspaces; absent, every component lives in `workspaceId` (the shared mode). */
  readonly workspaces?: DataProductWorkspaces;
  /** Base URL of the Airbyte web UI; when set, results link to the connection. */
  readonly airbyteUiUrl?: string;
  readonly profiles: ConnectorProfiles;
  /** Connector configuration schemas; when absent, configurations are not checked before Airbyte sees them. */
  readonly connectorSchemas?: ConnectorSchemas;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly lock: Lock;
  readonly fingerprinter: SecretFingerprinter;
  readonly logger: Logger;
  readonly provisioningTasks: TaskRepository<OperationResult>;
  readonly validationTasks: TaskRepository<ValidationOutcome>;
  readonly deploymentRecords: DeploymentRecordRepository;
  /** Which component owns which Airbyte resource (never adopted, updated or deleted for another). */
  readonly ownership: OwnershipRegistry;
  readonly background: BackgroundWorkRunner;
  /** Runs work later (looks for late copies after a doubtful create); without it, only operations look. */
  readonly scheduler?: Scheduler;
  /** Access management (`AIRBYTE_ACL_MODE=workspace-role`); absent, updateacl manages no access. */
  readonly access?: AccessSettings;
  /** Reverse provisioning's tasks; an in-memory store of the use cases' own when absent. */
  readonly reverseProvisioningTasks?: TaskRepository<ReverseProvisioningResult>;
  /** Paces the polls of a job a deploy waits for (`waitForSync`) or an unprovision's clear job. */
  readonly timer?: Timer;
  /** Between two reads of such a job; default 5 s. */
  readonly jobPollIntervalMs?: number;
  /**
   * Set for an operation that runs under a task token (`runInBackground`): publishes its log so far, which
   * status requests show while the task is RUNNING (a followed job's progress). Absent: nothing shows
   * before the end.
   */
  readonly publishProgress?: PublishProgress;
}

export type PublishProgress = (logs: ReadonlyArray<LogEntry>) => TaskEither<ProvisioningError, void>;

/**
 * The dependencies of one operation: its caller's logger, for the core and the gateway alike, and where
 * its caller wants its progress published.
 */
export const scopedDeps = <D extends Pick<CoreDeps, 'logger' | 'gateway' | 'gatewayFor'>>(
  deps: D,
  context: OperationContext | undefined,
): D => {
  const logger = context?.logger;
  const publishing =
    context?.publishProgress === undefined ? deps : { ...deps, publishProgress: context.publishProgress };
  if (logger === undefined) return publishing;
  return { ...publishing, logger, gateway: deps.gatewayFor(logger) };
};
