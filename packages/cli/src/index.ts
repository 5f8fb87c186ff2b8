/** The package's library entry point: the composition root, configuration and commands, for embedding. */
// reflect-metadata first: inversify reads metadata as soon as it is loaded.
import 'reflect-metadata';

export * from './config/app-config.js';
export { loadConfig, type ConfigSources } from './config/load-config.js';
export { describeConfig } from './config/describe-config.js';
export * from './collaborators/collaborators.js';
export { packageCollaborators, loadCollaborators } from './collaborators/load-collaborators.js';
export { buildContainer } from './container/build-container.js';
export { coreModule } from './container/core.module.js';
export { airbyteModule } from './container/airbyte.module.js';
export { httpModule } from './container/http.module.js';
export { commandModule } from './container/command.module.js';
export * from './container/tokens.js';
export { bindPort, resolve } from './container/resolve.js';
export {
  startService,
  SANDBOX_WARNING,
  type RunningService,
  type ServiceOptions,
} from './server/start-service.js';
export { runCli, buildProgram } from './commands/program.js';
export type { CliIo, OutputStream } from './output/cli-io.js';
export * from './output/exit-code.js';
export { makePinoLogger, REDACTED_PATHS } from './node/pino-logger.js';
export { JsonFileDeploymentRecordRepository } from './node/json-file-deployment-record-repository.js';
