/**
 * `@airbyte-provisioner/core/testing`: fakes of the core's ports, to test code that embeds the core
 * without I/O (a whole workspace in memory, a clock you move, ids you can predict, a logger you read).
 */
export {
  FakeAirbyteGateway,
  type FakeAirbyteGatewayOptions,
  type GatewayCall,
  type GatewayMethod,
} from './fake-airbyte-gateway.js';
export { fixedClock, manualClock, steppingTimer, type ManualClock } from './clocks.js';
export { FakeAccessGateway } from './fake-access-gateway.js';
export { sequentialIds } from './sequential-ids.js';
export { fakeFingerprinter } from './fake-fingerprinter.js';
export { recordingLogger, type LoggedLine } from './recording-logger.js';
export { makeTestDeps, type TestDeps, type TestDepsOptions } from './make-test-deps.js';
export { manualScheduler, type ManualScheduler } from './manual-scheduler.js';
export { witboostExampleDescriptor } from '../descriptor/examples.js';
