export * from './problem.js';
export * from './airbyte-error.js';
export * from './provisioning-error.js';
export * from './describe-error.js';
