/**
 * The HTTP load client: autocannon, driven from this process, against one server at a time. Both servers
 * of a comparison get the same client, connections, body and duration.
 */
import autocannon from 'autocannon';

export interface LoadRun {
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly seconds: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly body: string;
  readonly connections: number;
  readonly seconds: number;
}

export const runLoad = async (options: LoadOptions): Promise<LoadRun> => {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: options.body,
    connections: options.connections,
    duration: options.seconds,
  });
  const total = result.requests.total;
  return {
    requestsPerSecond: total / options.seconds,
    requests: total,
    seconds: options.seconds,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
};

/** Sums halves measured at different moments, so slow drift of the machine hits both servers alike. */
export const combineRuns = (runs: ReadonlyArray<LoadRun>): LoadRun => {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    requestsPerSecond: requests / seconds,
    requests,
    seconds,
    latencyP50Ms: Math.max(...runs.map((run) => run.latencyP50Ms)),
    latencyP99Ms: Math.max(...runs.map((run) => run.latencyP99Ms)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
};
