export * from './in-memory-task-repository.js';
export * from './in-memory-deployment-record-repository.js';
export * from './in-memory-lock.js';
export * from './background-work.js';
export * from './in-memory-ownership-registry.js';
export * from './in-memory-acl-ledger.js';
export * from './in-memory-workspace-owner-registry.js';
