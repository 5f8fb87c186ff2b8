import type { UseCases } from '@airbyte-provisioner/core';
import type { Logger } from 'pino';
import type { HttpMetrics } from './metrics.js';

export interface HttpAppOptions {
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
