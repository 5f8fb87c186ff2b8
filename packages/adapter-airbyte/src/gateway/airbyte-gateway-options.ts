/**
 * How the Airbyte gateway is built: where Airbyte is, how to authenticate, and the limits that keep one
 * provisioner from overwhelming (or waiting forever on) one Airbyte. Clock, sleep, randomness and fetch are
 * injectable so tests run on a fake clock.
 */
import { silentLogger, type Logger } from '@airbyte-provisioner/core';
import { fetchExchange, nodeHttpExchange, type HttpExchange } from '../http/http-exchange.js';

export type AirbyteAuth =
  | { readonly type: 'clientCredentials'; readonly clientId: string; readonly clientSecret: string }
  | { readonly type: 'bearer'; readonly token: string }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'none' };

export type AirbyteCallOutcome = 'ok' | 'error' | 'timeout' | 'network';

/** One HTTP exchange with Airbyte, for metrics. `path` is the template (`/sources/{sourceId}`), never an id. */
export interface AirbyteCallEvent {
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly durationMs: number;
  readonly outcome: AirbyteCallOutcome;
}

export interface AirbyteRetryOptions {
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

export interface AirbyteGatewayOptions {
  /** e.g. `http://host:8000/api/public/v1` (self-managed) or `https://api.airbyte.com/v1` (Cloud). */
  readonly baseUrl: string;
  readonly workspaceId: string;
  readonly auth: AirbyteAuth;
  /** Per HTTP exchange; default 30000. */
  readonly timeoutMs?: number;
  /**
   * For `GET /streams`, which makes Airbyte run the source's discovery (slow on real sources); default
   * max(timeoutMs, 120000). Never shorter than timeoutMs.
   */
  readonly discoveryTimeoutMs?: number;
  /**
   * Calls in flight at once against this Airbyte; default 32: enough for dozens of deploys at once (a
   * deploy has at most 3 calls in flight), few enough that a larger burst waits here, in order, rather than
   * piling onto Airbyte's server. Raise it for large bursts (128 for 100 deploys at once).
   */
  readonly maxConcurrentCalls?: number;
  readonly retry?: AirbyteRetryOptions;
  /** List page size; default 100 (the spec's maximum). */
  readonly pageSize?: number;
  readonly logger?: Logger;
  readonly onCall?: (event: AirbyteCallEvent) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Sends the requests through this fetch instead of node:http (for tests that watch the traffic). */
  readonly fetch?: typeof fetch;
}

/** Options with every default filled in. */
export interface ResolvedGatewayOptions {
  readonly baseUrl: string;
  readonly workspaceId: string;
  readonly auth: AirbyteAuth;
  readonly timeoutMs: number;
  readonly maxConcurrentCalls: number;
  readonly retry: Required<AirbyteRetryOptions>;
  readonly pageSize: number;
  readonly logger: Logger;
  readonly onCall: (event: AirbyteCallEvent) => void;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  readonly exchange: HttpExchange;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CONCURRENT_CALLS = 32;
export const DEFAULT_PAGE_SIZE = 100;
export const DEFAULT_RETRY: Required<AirbyteRetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
};

const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export const resolveOptions = (options: AirbyteGatewayOptions): ResolvedGatewayOptions => ({
  baseUrl: options.baseUrl.replace(/\/+$/, ''),
  workspaceId: options.workspaceId,
  auth: options.auth,
  timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  maxConcurrentCalls: Math.max(1, options.maxConcurrentCalls ?? DEFAULT_MAX_CONCURRENT_CALLS),
  retry: {
    maxAttempts: Math.max(1, options.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts),
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: options.retry?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  },
  // the spec caps `limit` at 100
  pageSize: Math.min(100, Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE)),
  logger: options.logger ?? silentLogger,
  onCall: options.onCall ?? (() => {}),
  sleep: options.sleep ?? realSleep,
  random: options.random ?? Math.random,
  now: options.now ?? Date.now,
  exchange: options.fetch === undefined ? nodeHttpExchange() : fetchExchange(options.fetch),
});
