export * from './use-case.types.js';
