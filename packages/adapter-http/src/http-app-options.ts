import type { UseCases } from '@airbyte-provisioner/core';
import type { Logger } from 'pino';
import type { HttpMetrics } from './metrics.js';

/** Where the provisioner keeps its state, and whether that store is ready (for `/ready`). */
export interface StateReadiness {
  readonly ready: boolean;
  /** Said in `/ready`'s body, e.g. `postgresql` or `in-memory (one process; nothing survives a restart)`. */
  readonly store: string;
  readonly reason?: string;
  /**
   * Whether an unreachable Airbyte makes the replica not ready. With replicas sharing a database it does not
   * (reported in the body only): all of them would leave the Service together when Airbyte blinks.
   */
  readonly airbyteGatesReadiness: boolean;
}

export interface HttpAppOptions {
  /** Where state is kept; absent: readiness is Airbyte's alone. */
  readonly stateReadiness?: () => Promise<StateReadiness>;
  /** The use cases the routes call, as the core's `makeUseCases` builds them. */
  readonly useCases: UseCases;
  readonly provisionMode: 'sync' | 'async';
  /** When set, every route but health, ready, metrics and the docs requires `Authorization: Bearer <token>`. */
  readonly apiToken?: string;
  /** Largest accepted body; larger ones get a 413. Default 5 MB. */
  readonly bodyLimitBytes?: number;
  readonly logger: Logger;
  readonly metrics?: HttpMetrics;
}
