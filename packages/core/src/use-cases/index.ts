export * from './use-case.types.js';
export * from './core-deps.js';
export * from './get-provisioning-status.use-case.js';
export * from './get-validation-status.use-case.js';
export * from './reverse-provision.use-case.js';
export * from './check-ready.use-case.js';
export { deployComponent, lockedDeploy } from './deploy.js';
export { undeployComponent, lockedUndeploy } from './undeploy.js';
export { connectionUrl } from './deployment-info.js';
