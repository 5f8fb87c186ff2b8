/**
 * Where the server keeps its state, as the server's life sees it: started (PostgreSQL: migrated) before
 * it listens, asked for readiness by `/ready`, stopped after the last operation.
 */
import type { StateReadiness } from '@airbyte-provisioner/adapter-http';

export interface StateStore {
  /** Said in the start-up log line and in `/ready`'s body. */
  readonly description: string;
  readonly readiness: () => Promise<StateReadiness>;
  /** Resolves once the server may listen; rejects when the store can never serve this code. */
  readonly start: () => Promise<void>;
  readonly stop: () => Promise<void>;
}

export const IN_MEMORY_STATE =
  'in-memory (one process: tasks, locks and ownership are lost on restart; set DATABASE_URL for replicas)';

export const inMemoryStateStore: StateStore = {
  description: IN_MEMORY_STATE,
  readiness: () => Promise.resolve({ ready: true, store: IN_MEMORY_STATE, airbyteGatesReadiness: true }),
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
};
