export * from './fake-airbyte-gateway.js';
export * from './clocks.js';
export * from './sequential-ids.js';
export * from './fake-fingerprinter.js';
export * from './recording-logger.js';
export * from './make-test-deps.js';
export {
  InMemoryLock,
  InMemoryTaskRepository,
  InMemoryDeploymentRecordRepository,
  InMemoryOwnershipRegistry,
  makeBackgroundWork,
} from '../tasks/index.js';
