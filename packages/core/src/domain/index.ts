export * from './json.js';
export * from './desired-state.js';
export * from './airbyte-state.js';
export * from './connector-profile.js';
export * from './operation-result.js';
export * from './task-view.js';
export * from './validation-outcome.js';
export * from './planned-change.js';
