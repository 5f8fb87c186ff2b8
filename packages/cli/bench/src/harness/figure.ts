/**
 * One measured figure, as `pnpm bench` prints it (one JSON line each) and BENCHMARKS.md lists it: its
 * median over rounds, its spread, and the verdict the spread earns against the target. Every value is a
 * ratio or a count taken side by side in one run, because on these machines bare absolute times mean
 * nothing from one run to the next.
 */
import type { Build } from './build.js';
import type { StopReason } from './rounds.js';
import { relativeWidth, round, type Spread } from './stats.js';
import type { Verdict } from './target.js';

/** With `--compare`: how new ÷ old reads. */
export type Change = 'better' | 'worse' | 'no clear change' | 'same' | 'changed';

export interface FigureResult {
  readonly figure: string;
  readonly unit: string;
  readonly target: string;
  readonly verdict: Verdict;
  readonly spread: Spread;
  readonly samples: ReadonlyArray<number>;
  /** Why the rounds stopped (absent for a count, which is measured once). */
  readonly stopped?: StopReason;
  readonly elapsedMs: number;
  /** The spread is narrower than the run's noise floor: the rounds agree more than the machine does. */
  readonly belowNoiseFloor: boolean;
  /** With `--compare`: new ÷ old per round, and how it reads. */
  readonly compared?: { readonly spread: Spread; readonly change: Change; readonly old: string };
  readonly details: Readonly<Record<string, unknown>>;
}

/** What a figure group needs to know about the run. */
export interface RunContext {
  readonly current: Build;
  /** Set by `--compare <ref>`: that commit's build, measured beside the current one. */
  readonly baseline?: Build;
  /** Relative width of the noise floor's spread (same server against itself). */
  readonly noiseFloorWidth: number;
}

/** A group of figures measured together, with the prose BENCHMARKS.md shows beside them. */
export interface FigureGroup {
  readonly id: string;
  readonly title: string;
  /** How it is measured, in Markdown; rewritten into BENCHMARKS.md on every run. */
  readonly method: string;
  readonly run: (context: RunContext) => Promise<GroupOutcome>;
}

export interface GroupOutcome {
  readonly figures: ReadonlyArray<FigureResult>;
  /** Findings from this run (causes of a miss, the concurrency bound in force...), in Markdown. */
  readonly notes?: ReadonlyArray<string>;
}

export interface GroupReport {
  readonly group: FigureGroup;
  readonly figures: ReadonlyArray<FigureResult>;
  readonly notes: ReadonlyArray<string>;
  /** Set when the group could not be measured (a dependency missing, a crash). */
  readonly error?: string;
}

const rounded = (spread: Spread) => ({
  value: round(spread.median),
  low: round(spread.low),
  high: round(spread.high),
  q1: round(spread.q1),
  q3: round(spread.q3),
  min: round(spread.min),
  max: round(spread.max),
  rounds: spread.rounds,
});

export const figureLine = (result: FigureResult): string =>
  JSON.stringify({
    figure: result.figure,
    ...rounded(result.spread),
    unit: result.unit,
    target: result.target,
    verdict: result.verdict,
    ...(result.stopped === undefined ? {} : { stopped: result.stopped }),
    seconds: round(result.elapsedMs / 1000, 1),
    belowNoiseFloor: result.belowNoiseFloor,
    ...(result.compared === undefined
      ? {}
      : {
          newOverOld: { ...rounded(result.compared.spread), change: result.compared.change },
          old: result.compared.old,
        }),
    samples: result.samples.map((sample) => round(sample)),
    ...result.details,
  });

export const errorLine = (groupId: string, error: string): string =>
  JSON.stringify({ figure: groupId, value: null, verdict: 'not measured', error });

export const isBelowNoiseFloor = (spread: Spread, noiseFloorWidth: number): boolean =>
  spread.rounds > 1 && relativeWidth(spread) < noiseFloorWidth;
