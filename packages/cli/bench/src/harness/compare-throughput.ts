/**
 * Side-by-side throughput of two running servers with the same client and body. Each server gets a
 * warm-up, then the measured time is cut into one-second slices taken alternately (A, B, A, B, ...).
 * The figure is the median of the per-pair ratios: other work on a shared machine comes in bursts, and a
 * burst that hits one slice then spoils one pair, not the result. The totals are reported beside it.
 */
import { median } from './figure.js';
import { combineRuns, runLoad, type LoadRun } from './load.js';

export interface ThroughputComparison {
  readonly subject: LoadRun;
  readonly baseline: LoadRun;
  /** Median of the slice-pair ratios subject ÷ baseline. */
  readonly ratio: number;
  /** subject total ÷ baseline total, for comparison. */
  readonly totalsRatio: number;
  readonly pairRatios: ReadonlyArray<number>;
}

export interface ThroughputPlan {
  readonly body: string;
  readonly connections: number;
  readonly warmUpSeconds: number;
  /** Measured seconds per server, in one-second slices. */
  readonly seconds: number;
}

export const compareThroughput = async (
  subjectUrl: string,
  baselineUrl: string,
  plan: ThroughputPlan,
): Promise<ThroughputComparison> => {
  const load = (url: string, seconds: number): Promise<LoadRun> =>
    runLoad({ url, body: plan.body, connections: plan.connections, seconds });
  if (plan.warmUpSeconds > 0) {
    await load(subjectUrl, plan.warmUpSeconds);
    await load(baselineUrl, plan.warmUpSeconds);
  }
  const subjectRuns: LoadRun[] = [];
  const baselineRuns: LoadRun[] = [];
  const pairRatios: number[] = [];
  for (let slice = 0; slice < plan.seconds; slice += 1) {
    // alternate which server goes first, so neither always follows the other's load
    const subjectFirst = slice % 2 === 0;
    const first = await load(subjectFirst ? subjectUrl : baselineUrl, 1);
    const second = await load(subjectFirst ? baselineUrl : subjectUrl, 1);
    const subjectRun = subjectFirst ? first : second;
    const baselineRun = subjectFirst ? second : first;
    subjectRuns.push(subjectRun);
    baselineRuns.push(baselineRun);
    pairRatios.push(subjectRun.requestsPerSecond / baselineRun.requestsPerSecond);
  }
  const subject = combineRuns(subjectRuns);
  const baseline = combineRuns(baselineRuns);
  return {
    subject,
    baseline,
    ratio: median(pairRatios),
    totalsRatio: subject.requestsPerSecond / baseline.requestsPerSecond,
    pairRatios,
  };
};
