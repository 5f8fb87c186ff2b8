/** Prometheus metrics: HTTP requests, provisioning outcomes and Airbyte calls, in one registry. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface AirbyteCallMetric {
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly durationMs: number;
  readonly outcome: string;
}

export interface HttpMetrics {
  readonly registry: Registry;
  readonly recordRequest: (route: string, method: string, status: number, durationMs: number) => void;
  readonly recordOutcome: (operation: string, status: 'COMPLETED' | 'FAILED' | 'ACCEPTED') => void;
  readonly recordAirbyteCall: (event: AirbyteCallMetric) => void;
  /**
   * The end of a background task, seen by a status request: counted once per token, so polling does not
   * inflate the outcome counts (the last 10,000 tokens are remembered).
   */
  readonly recordTaskOutcome: (token: string, status: 'COMPLETED' | 'FAILED') => void;
  /** The operation a task token was handed out for, so that its outcome is counted under it. */
  readonly watchTask: (token: string, operation: string) => void;
}

const rememberedTokens = 10_000;

export const createMetrics = (): HttpMetrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'provisioner_http_requests_total',
    help: 'HTTP requests by route template, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'provisioner_http_request_duration_seconds',
    help: 'HTTP request latency by route template',
    labelNames: ['route', 'method'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });
  const outcomes = new Counter({
    name: 'provisioner_operations_total',
    help: 'Provisioning operations by kind and outcome',
    labelNames: ['operation', 'status'],
    registers: [registry],
  });
  const airbyteCalls = new Counter({
    name: 'provisioner_airbyte_calls_total',
    help: 'Airbyte API calls by method, path template, status and outcome',
    labelNames: ['method', 'path', 'status', 'outcome'],
    registers: [registry],
  });
  const airbyteLatency = new Histogram({
    name: 'provisioner_airbyte_call_duration_seconds',
    help: 'Airbyte API call latency by method and path template',
    labelNames: ['method', 'path'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [registry],
  });
  const airbyteErrors = new Counter({
    name: 'provisioner_airbyte_call_errors_total',
    help: 'Airbyte API calls that failed (error status, timeout or network), by method, path template and outcome',
    labelNames: ['method', 'path', 'outcome'],
    registers: [registry],
  });
  const finished = new Set<string>();
  const watched = new Map<string, string>();
  // the labelled series of each route, method and status, so that a request does not hash its labels
  const requestSeries = new Map<
    string,
    { readonly count: { inc: () => void }; readonly latency: { observe: (value: number) => void } }
  >();
  return {
    registry,
    recordRequest: (route, method, status, durationMs) => {
      const key = `${method} ${status} ${route}`;
      let series = requestSeries.get(key);
      if (series === undefined) {
        series = {
          count: requests.labels({ route, method, status: String(status) }),
          latency: latency.labels({ route, method }),
        };
        // routes are templates and statuses few, so this stays small; the bound is a guard
        if (requestSeries.size < 1000) requestSeries.set(key, series);
      }
      series.count.inc();
      series.latency.observe(durationMs / 1000);
    },
    recordOutcome: (operation, status) => outcomes.inc({ operation, status }),
    recordAirbyteCall: (e) => {
      airbyteCalls.inc({
        method: e.method,
        path: e.path,
        status: String(e.status ?? ''),
        outcome: e.outcome,
      });
      airbyteLatency.observe({ method: e.method, path: e.path }, e.durationMs / 1000);
      if (e.outcome !== 'ok') airbyteErrors.inc({ method: e.method, path: e.path, outcome: e.outcome });
    },
    recordTaskOutcome: (token, status) => {
      if (finished.has(token)) return;
      finished.add(token);
      // a Set iterates in insertion order: the first entry is the oldest
      if (finished.size > rememberedTokens) finished.delete(finished.values().next().value ?? '');
      const operation = watched.get(token) ?? 'background';
      watched.delete(token);
      outcomes.inc({ operation, status });
    },
    watchTask: (token, operation) => {
      watched.set(token, operation);
      if (watched.size > rememberedTokens) watched.delete(watched.keys().next().value ?? '');
    },
  };
};
