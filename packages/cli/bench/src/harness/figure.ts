/**
 * One measured figure, as `pnpm bench` prints it (one JSON line each) and BENCHMARKS.md lists it. Every
 * value is a ratio or a count taken side by side in one run, because these machines are too noisy for
 * bare absolute times to mean anything from one run to the next.
 */
export interface FigureResult {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
  readonly pass: boolean;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A group of figures measured together, with the prose BENCHMARKS.md shows beside them. */
export interface FigureGroup {
  readonly id: string;
  readonly title: string;
  /** How it is measured, in Markdown; rewritten into BENCHMARKS.md on every run. */
  readonly method: string;
  readonly run: () => Promise<GroupOutcome>;
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

export const figureLine = (result: FigureResult): string =>
  JSON.stringify({
    figure: result.figure,
    value: result.value,
    unit: result.unit,
    target: result.target,
    pass: result.pass,
    ...result.details,
  });

export const errorLine = (groupId: string, error: string): string =>
  JSON.stringify({ figure: groupId, value: null, unit: null, target: null, pass: false, error });

/** Rounds for display without losing the ratio's meaning. */
export const round = (value: number, digits = 3): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};
