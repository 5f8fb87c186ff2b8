export { freshDatabase, startTestPostgres, stopSharedPostgres } from './shared-postgres.js';
export type { TestDatabase, TestPostgres } from './shared-postgres.js';
