import type { Scheduler } from '../ports/scheduler.port.js';
/**
 * A complete, in-memory set of the core's dependencies, each a fake a test can inspect and steer:
 * the Airbyte workspace, the clock, the ids, the logger. Spread and override to swap any of them.
 */
import type { ConnectorSchemas } from '../ports/connector-schemas.port.js';
import { noConnectorProfiles, type ConnectorProfiles } from '../domain/connector-profile.js';
import type { OperationResult } from '../domain/operation-result.js';
import { makeBackgroundWork } from '../in-memory/background-work.js';
import type { BackgroundWorkRunner } from '../ports/background-work.port.js';
import { InMemoryDeploymentRecordRepository } from '../in-memory/in-memory-deployment-record-repository.js';
import { InMemoryLock } from '../in-memory/in-memory-lock.js';
import { InMemoryOwnershipRegistry } from '../in-memory/in-memory-ownership-registry.js';
import {
  defaultTaskRepositoryLimits,
  InMemoryTaskRepository,
  type TaskRepositoryLimits,
} from '../in-memory/in-memory-task-repository.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import type { ValidationOutcome } from '../domain/validation-outcome.js';
import { manualClock, steppingTimer, type ManualClock } from './clocks.js';
import { FakeAirbyteGateway, type FakeAirbyteGatewayOptions } from './fake-airbyte-gateway.js';
import { fakeFingerprinter } from './fake-fingerprinter.js';
import { recordingLogger, type LoggedLine } from './recording-logger.js';
import { sequentialIds } from './sequential-ids.js';

export interface TestDeps extends CoreDeps {
  readonly gateway: FakeAirbyteGateway;
  readonly clock: ManualClock;
  readonly lock: InMemoryLock;
  readonly logger: CoreDeps['logger'] & { readonly lines: ReadonlyArray<LoggedLine> };
  readonly provisioningTasks: InMemoryTaskRepository<OperationResult>;
  readonly validationTasks: InMemoryTaskRepository<ValidationOutcome>;
  readonly deploymentRecords: InMemoryDeploymentRecordRepository;
  readonly ownership: InMemoryOwnershipRegistry;
  readonly background: BackgroundWorkRunner;
}

export interface TestDepsOptions {
  readonly gateway?: FakeAirbyteGatewayOptions;
  readonly profiles?: ConnectorProfiles;
  readonly airbyteUiUrl?: string;
  readonly connectorSchemas?: ConnectorSchemas;
  readonly scheduler?: Scheduler;
  readonly taskLimits?: TaskRepositoryLimits;
  readonly startMs?: number;
}

export const makeTestDeps = (options: TestDepsOptions = {}): TestDeps => {
  const gateway = new FakeAirbyteGateway(options.gateway);
  const clock = manualClock(options.startMs);
  const limits = options.taskLimits ?? defaultTaskRepositoryLimits;
  return {
    gateway,
    gatewayFor: () => gateway,
    workspaceId: gateway.workspaceId,
    ...(options.airbyteUiUrl === undefined ? {} : { airbyteUiUrl: options.airbyteUiUrl }),
    profiles: options.profiles ?? noConnectorProfiles,
    ...(options.connectorSchemas === undefined ? {} : { connectorSchemas: options.connectorSchemas }),
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
    clock,
    ids: sequentialIds(),
    lock: new InMemoryLock(),
    fingerprinter: fakeFingerprinter,
    logger: recordingLogger(),
    provisioningTasks: new InMemoryTaskRepository<OperationResult>(clock, limits),
    validationTasks: new InMemoryTaskRepository<ValidationOutcome>(clock, limits),
    deploymentRecords: new InMemoryDeploymentRecordRepository(),
    ownership: new InMemoryOwnershipRegistry(),
    background: makeBackgroundWork(),
    timer: steppingTimer(clock),
  };
};
