export * from './validated-component.js';
export * from './safe-yaml.js';
export * from './workload-spec.codec.js';
export * from './desired-state.builder.js';
export * from './validate-provisioning-request.js';
export * from './validate-removal-request.js';
export {
  checkConfiguration,
  type ConfigurationCheck,
  type MissingRequired,
} from './connector-configuration-check.js';
export * from './parse-request-file.js';
export * from './examples.js';
export { DeploymentRecordCodec } from './previous-record.reader.js';
export * from './problem-position.js';
