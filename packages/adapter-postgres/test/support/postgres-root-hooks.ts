/** Mocha root hooks: the PostgreSQL server a test run started (on first use) is stopped at its end. */
import { stopSharedPostgres } from '../../src/testing/index.js';

export const mochaHooks = {
  afterAll: stopSharedPostgres,
};
