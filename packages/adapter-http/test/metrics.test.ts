import { defaultTaskRepositoryLimits } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import { createMetrics, type HttpMetrics } from '../src/index.js';

const outcomeCounts = async (metrics: HttpMetrics): Promise<Record<string, number>> => {
  const all = await metrics.registry.getMetricsAsJSON();
  const values = all.find((m) => m.name === 'provisioner_operations_total')?.values ?? [];
  return Object.fromEntries(
    values.map((v) => [`${String(v.labels['operation'])} ${String(v.labels['status'])}`, v.value]),
  );
};

describe('http metrics', () => {
  it('counts an accepted task, then its outcome once, under the operation it was accepted for', async () => {
    const metrics = createMetrics();
    metrics.recordAccepted('unprovision', 't1');
    metrics.recordTaskOutcome('t1', 'FAILED');
    metrics.recordTaskOutcome('t1', 'FAILED');
    metrics.recordTaskOutcome('t1', 'COMPLETED');
    expect(await outcomeCounts(metrics)).to.deep.equal({
      'unprovision ACCEPTED': 1,
      'unprovision FAILED': 1,
    });
  });

  it('counts no outcome for a token it never accepted, nor for one it has forgotten', async () => {
    const metrics = createMetrics();
    metrics.recordTaskOutcome('never-accepted', 'COMPLETED');
    const remembered = defaultTaskRepositoryLimits.maxTasks;
    for (let i = 0; i <= remembered; i++) metrics.recordAccepted('provision', `t${i}`);
    metrics.recordTaskOutcome('t0', 'COMPLETED'); // the oldest, forgotten
    metrics.recordTaskOutcome('t1', 'COMPLETED');
    metrics.recordTaskOutcome(`t${remembered}`, 'COMPLETED');
    expect(await outcomeCounts(metrics)).to.deep.equal({
      'provision ACCEPTED': remembered + 1,
      'provision COMPLETED': 2,
    });
  });

  it('counts requests by route, method and status, and their latency by route and method', async () => {
    const metrics = createMetrics();
    metrics.recordRequest('/health', 'GET', 200, 3);
    metrics.recordRequest('/health', 'GET', 200, 7);
    metrics.recordRequest('/health', 'GET', 503, 1);
    const requests = await metrics.registry.getSingleMetricAsString('provisioner_http_requests_total');
    expect(requests).to.include('route="/health",method="GET",status="200"} 2');
    expect(requests).to.include('route="/health",method="GET",status="503"} 1');
    const latency = await metrics.registry.getSingleMetricAsString(
      'provisioner_http_request_duration_seconds',
    );
    expect(latency).to.include(
      'provisioner_http_request_duration_seconds_count{route="/health",method="GET"} 3',
    );
  });
});
