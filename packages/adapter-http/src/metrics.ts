/** Prometheus metrics: HTTP requests, provisioning outcomes and Airbyte calls, in one registry. */
import { defaultTaskRepositoryLimits } from '@airbyte-provisioner/core';
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
  /** A synchronous operation's outcome. */
  readonly recordOutcome: (operation: string, status: 'COMPLETED' | 'FAILED') => void;
  /** A background task handed out: counted as ACCEPTED, and its token remembered for its outcome. */
  readonly recordAccepted: (operation: string, token: string) => void;
  readonly recordAirbyteCall: (event: AirbyteCallMetric) => void;
  /**
   * The end of a background task, seen by a status request: counted once per token, under the operation it
   * was accepted for, so polling does not inflate the outcome counts.
   */
  readonly recordTaskOutcome: (token: string, status: 'COMPLETED' | 'FAILED') => void;
}

// as many tokens as the task repository holds by default: a task it still answers for is counted
const rememberedTokens = defaultTaskRepositoryLimits.maxTasks;

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
  // the operation of each accepted task whose outcome is not counted yet, oldest first
  const watched = new Map<string, string>();
  return {
    registry,
    recordRequest: (route, method, status, durationMs) => {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, durationMs / 1000);
    },
    recordOutcome: (operation, status) => outcomes.inc({ operation, status }),
    recordAccepted: (operation, token) => {
      outcomes.inc({ operation, status: 'ACCEPTED' });
      watched.set(token, operation);
      if (watched.size > rememberedTokens) watched.delete(watched.keys().next().value ?? '');
    },
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
      const operation = watched.get(token);
      // a token not accepted here, or whose outcome is counted already
      if (operation === undefined) return;
      watched.delete(token);
      outcomes.inc({ operation, status });
    },
  };
};
