import type { Build } from '../harness/build.js';
import { longestObservedChain } from '../harness/call-log.js';
import type { FigureGroup } from '../harness/figure.js';
import { freshComponents, readyHost, sandboxAirbyte, succeeded } from '../harness/hosted.js';
import { LATENCY_MS, PLANNED_CHAIN } from '../harness/latency.js';
import { measureFigure, type Session } from '../harness/measure.js';
import { interleavedRatio } from '../harness/rounds.js';
import { startSandboxChild, type SandboxChild } from '../harness/sandbox-child.js';
import { median, round } from '../harness/stats.js';
import { atMost } from '../harness/target.js';

const TARGET = 1.1;
const BUDGET_SECONDS = 30;

const openSession =
  (sandbox: SandboxChild) =>
  async (build: Build): Promise<Session> => {
    const { host } = await readyHost(build, sandboxAirbyte(sandbox));
    const deployMs: number[] = [];
    const chainMs: number[] = [];
    let observedChain: number | null = null;
    // a server's code is compiled after its first requests: one deploy and one chain before measuring
    succeeded('warm-up deploy', await host.call('provision', freshComponents(1)));
    await host.call('chain', PLANNED_CHAIN);
    const deploy = async (): Promise<number> => {
      const [descriptor] = freshComponents(1);
      await sandbox.clearCalls();
      const ms = succeeded('first deploy', await host.call('provision', [descriptor ?? '']));
      observedChain = longestObservedChain(await sandbox.calls());
      deployMs.push(ms);
      return ms;
    };
    const chain = async (): Promise<number> => {
      const ms = await host.call('chain', PLANNED_CHAIN);
      chainMs.push(ms);
      return ms;
    };
    return {
      sample: (n) => interleavedRatio(n, deploy, chain),
      details: () =>
        Promise.resolve({
          deployMedianMs: round(median(deployMs), 1),
          bareChainMedianMs: round(median(chainMs), 1),
          deployOverLatencyOnly: round(median(deployMs) / (LATENCY_MS * PLANNED_CHAIN)),
          plannedChain: PLANNED_CHAIN,
          observedChain,
        }),
      close: host.stop,
    };
  };

export const criticalPathGroup: FigureGroup = {
  id: 'critical-path',
  title: 'Critical path of a first deploy',
  method: `
The sandbox (own process) answers every request after ${LATENCY_MS} ms. The longest chain of calls that
depend on one another in a first deploy is, from the plan: the three lookups (in parallel) → the source
and destination creates (in parallel) → stream discovery → the connection create: **${PLANNED_CHAIN}** calls.
A provisioner host (the build's use cases over its HTTP gateway, in a process of its own, holding a token
and warmed by one deploy) deploys a component nobody deployed before; its baseline, measured back to back
in the same host, is ${PLANNED_CHAIN} bare requests to the sandbox one after another (same latency, no work
between them): what a client that did nothing but wait would take on this machine right now. A round is
one of each, in alternating order; its value is deploy ÷ bare chain. Target ≤ ${TARGET}. The deploy ÷
(${LATENCY_MS} ms × ${PLANNED_CHAIN}) and the longest chain the sandbox observed are in the details.`,
  run: async (context) => {
    const sandbox = await startSandboxChild(LATENCY_MS);
    try {
      const figure = await measureFigure(
        context,
        {
          name: `critical path: first deploy ÷ ${PLANNED_CHAIN} bare calls (${LATENCY_MS} ms each)`,
          unit: 'ratio',
          target: atMost(TARGET),
          budgetSeconds: BUDGET_SECONDS,
        },
        openSession(sandbox),
      );
      return { figures: [figure] };
    } finally {
      await sandbox.stop();
    }
  },
};
