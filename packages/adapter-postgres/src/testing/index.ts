export { freshDatabase, startTestPostgres, stopSharedPostgres, withClient } from './shared-postgres.js';
export type { TestDatabase, TestPostgres } from './shared-postgres.js';
