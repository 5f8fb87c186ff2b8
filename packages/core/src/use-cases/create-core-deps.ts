/**
 * `CoreDeps` with the defaults an embedder can take as they are: in-memory task stores (a day, 20,000
 * tasks), an in-process lock, deployment records and ownership registry, a silent logger, no connector profiles. What has no
 * safe default is required: the Airbyte gateway and workspace, and the three platform services (clock,
 * ids, secret fingerprinter: `@airbyte-provisioner/node-runtime` has Node's). Any default can be overridden.
 */
import { noConnectorProfiles } from '../domain/connector-profile.js';
import type { OperationResult } from '../domain/operation-result.js';
import type { ValidationOutcome } from '../domain/validation-outcome.js';
import { makeBackgroundWork } from '../in-memory/background-work.js';
import { InMemoryDeploymentRecordRepository } from '../in-memory/in-memory-deployment-record-repository.js';
import { InMemoryLock } from '../in-memory/in-memory-lock.js';
import { InMemoryOwnershipRegistry } from '../in-memory/in-memory-ownership-registry.js';
import {
  defaultTaskRepositoryLimits,
  InMemoryTaskRepository,
  type TaskRepositoryLimits,
} from '../in-memory/in-memory-task-repository.js';
import { silentLogger } from '../ports/logger.port.js';
import type { CoreDeps } from './core-deps.js';

type Required = 'gateway' | 'workspaceId' | 'clock' | 'ids' | 'fingerprinter';

export type CoreDepsOptions = Pick<CoreDeps, Required> &
  Partial<Omit<CoreDeps, Required>> & {
    /** Limits of the default in-memory task stores (ignored for a store given here). */
    readonly taskLimits?: TaskRepositoryLimits;
  };

export const createCoreDeps = ({ taskLimits, ...options }: CoreDepsOptions): CoreDeps => {
  const limits = taskLimits ?? defaultTaskRepositoryLimits;
  const gateway = options.gateway;
  const logger = options.logger ?? silentLogger;
  return {
    gatewayFor: () => gateway,
    profiles: noConnectorProfiles,
    lock: new InMemoryLock(),
    logger,
    provisioningTasks: new InMemoryTaskRepository<OperationResult>(options.clock, limits),
    validationTasks: new InMemoryTaskRepository<ValidationOutcome>(options.clock, limits),
    deploymentRecords: new InMemoryDeploymentRecordRepository(),
    ownership: new InMemoryOwnershipRegistry(),
    background: makeBackgroundWork((err) =>
      logger.error({ err }, 'a background operation failed unexpectedly'),
    ),
    ...options,
  };
};
