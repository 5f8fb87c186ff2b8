import type { Build } from '../harness/build.js';
import type { FigureGroup } from '../harness/figure.js';
import { freshComponents, readyHost, sandboxAirbyte, succeeded } from '../harness/hosted.js';
import { LATENCY_MS } from '../harness/latency.js';
import { measureFigure, type FigureSpec, type Session } from '../harness/measure.js';
import { interleavedRatio } from '../harness/rounds.js';
import { startSandboxChild, type SandboxChild } from '../harness/sandbox-child.js';
import { median, round } from '../harness/stats.js';
import { atMost } from '../harness/target.js';

const COMPONENTS = 100;
const RAISED_BOUND = 128;
const TARGET = 2;
const BUDGET_SECONDS = 45;

/**
 * One deploy and a burst of a hundred per round. Each side removes its components after itself, untimed,
 * so both sides meet the same workspace whichever goes first: a single deploy that followed the burst
 * used to find 100 more of each resource, one more page (one more 50 ms call) in each lookup by name,
 * and the rounds split by order into two clusters (about 1.6 and 2.3) whose median straddled the target.
 */
const openSession =
  (sandbox: SandboxChild, maxConcurrentCalls: number | undefined) =>
  async (build: Build): Promise<Session> => {
    const { host, bound } = await readyHost(build, sandboxAirbyte(sandbox, maxConcurrentCalls));
    const singleMs: number[] = [];
    const burstMs: number[] = [];
    const singleCpuMs: number[] = [];
    const burstCpuMs: number[] = [];
    let burstCalls = 0;
    succeeded('warm-up deploy', await host.call('provision', freshComponents(1)));
    const deployThenRemove =
      (into: number[], cpuInto: number[], count: number, onCalls: (calls: number) => void) =>
      async (): Promise<number> => {
        const descriptors = freshComponents(count);
        await sandbox.clearCalls();
        const timed = await host.call('provision', descriptors);
        const ms = succeeded('deploy', timed);
        into.push(ms);
        cpuInto.push(timed.cpuMs);
        onCalls((await sandbox.calls()).length);
        // the same workspace for every deploy: lookups by name walk lists that would otherwise grow
        succeeded('clean-up', await sandbox.withoutLatency(() => host.call('unprovision', descriptors)));
        return ms;
      };
    // one burst first, not measured: the first bursts of a host ran 1.5-2x slower than the next ones
    // (code compiled and the heap grown for a hundred deploys at once), and pulled the spread up
    await deployThenRemove([], [], COMPONENTS, () => undefined)();
    const sample = (n: number): Promise<number> =>
      interleavedRatio(
        n,
        deployThenRemove(burstMs, burstCpuMs, COMPONENTS, (calls) => {
          burstCalls = calls;
        }),
        deployThenRemove(singleMs, singleCpuMs, 1, () => undefined),
      );
    return {
      sample,
      details: () =>
        Promise.resolve({
          oneDeployMedianMs: round(median(singleMs), 1),
          burstMedianMs: round(median(burstMs), 1),
          // the provisioner's own CPU time: what competes with everything else on a loaded machine
          oneDeployHostCpuMedianMs: round(median(singleCpuMs), 1),
          burstHostCpuMedianMs: round(median(burstCpuMs), 1),
          gatewayMaxConcurrentCalls: bound,
          airbyteCallsPerBurst: burstCalls,
          // N calls of LATENCY_MS with B in flight take at least ⌈N / B⌉ × LATENCY_MS
          floorRatio: round((Math.ceil(burstCalls / bound) * LATENCY_MS) / median(singleMs)),
        }),
      close: host.stop,
    };
  };

const spec = (bound: string): FigureSpec => ({
  name: `concurrency: ${COMPONENTS} deploys at once ÷ one (${bound})`,
  unit: 'ratio',
  target: atMost(TARGET),
  budgetSeconds: BUDGET_SECONDS,
});

export const concurrencyGroup: FigureGroup = {
  id: 'concurrency',
  title: `Concurrency: ${COMPONENTS} components at once`,
  method: `
Sandbox latency ${LATENCY_MS} ms per call (own process). A provisioner host (the build's use cases over
its HTTP gateway, own process, token held, warmed by one deploy and one unmeasured burst) deploys one new component, and
${COMPONENTS} new components at once (each through the provision use case, all started together); a round
is one of each, in alternating order, and its value is the burst's wall time ÷ the single deploy's. After
each deploy (single or burst) its components are removed with the latency at 0, untimed, so every deploy
meets the same workspace whichever side goes first (a lookup by name walks one more page per 100 resources). Target ≤ ${TARGET}. The gateway bounds the Airbyte calls in flight; with N calls in a burst and a
bound of B, no schedule beats ⌈N / B⌉ × ${LATENCY_MS} ms (\`floorRatio\` in the details). Measured with the
bound the server uses by default, and again with the bound raised to ${RAISED_BOUND}.`,
  run: async (context) => {
    const sandbox = await startSandboxChild(LATENCY_MS);
    try {
      const defaults = await measureFigure(context, spec('default bound'), openSession(sandbox, undefined));
      const raised = await measureFigure(
        context,
        spec(`bound ${RAISED_BOUND}`),
        openSession(sandbox, RAISED_BOUND),
      );
      const notes: string[] = [];
      const floor = Number(defaults.details['floorRatio']);
      if (defaults.verdict !== 'pass' && floor > TARGET) {
        notes.push(
          `With the default bound of ${String(defaults.details['gatewayMaxConcurrentCalls'])} calls in flight, a burst's ` +
            `${String(defaults.details['airbyteCallsPerBurst'])} calls cannot take less than ${floor}× one deploy: ` +
            `the target ≤ ${TARGET} cannot be met under that bound, by construction.`,
        );
      }
      return { figures: [defaults, raised], notes };
    } finally {
      await sandbox.stop();
    }
  },
};
