export * from './domain/index.js';
export * from './errors/index.js';
export * from './ports/index.js';
export * from './requests/index.js';
export * from './descriptor/index.js';
export * from './planner/index.js';
export * from './tasks/index.js';
export * from './use-cases/index.js';
