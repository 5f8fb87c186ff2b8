/**
 * Turns a figure's sessions into a FigureResult. Alone, the current build's session is sampled round
 * after round. With `--compare`, both builds' sessions are sampled in the same rounds, in alternating
 * order, and each round also yields new ÷ old; the rounds grow until that ratio is conclusively above or
 * below 1, or the budget is spent.
 */
import type { Build } from './build.js';
import { isBelowNoiseFloor, type Change, type FigureResult, type RunContext } from './figure.js';
import { interleavedRatio, measureRounds, type RoundsOutcome } from './rounds.js';
import { round, spreadOf, type Spread } from './stats.js';
import { atLeast, atMost, describeTarget, higherIsBetter, verdictOf, type Target } from './target.js';

export interface FigureSpec {
  readonly name: string;
  readonly unit: string;
  readonly target: Target;
  readonly budgetSeconds: number;
  readonly minRounds?: number;
}

/** One build's side of a figure, open for as many rounds as the figure takes. */
export interface Session {
  /** The figure's value in one round (a ratio whose two sides this session measures back to back). */
  readonly sample: (round: number) => Promise<number>;
  /** What explains the value (absolute times, counts), read once the rounds are done. */
  readonly details?: () => Promise<Readonly<Record<string, unknown>>>;
  readonly close: () => Promise<void>;
}

/** New ÷ old changed only when its whole spread is off 1 (strictly: a spread of exactly 1 is no change). */
const changeOf = (spread: Spread, higherBetter: boolean): Change => {
  if (spread.low > 1) return higherBetter ? 'better' : 'worse';
  if (spread.high < 1) return higherBetter ? 'worse' : 'better';
  return 'no clear change';
};

const withSession = async <A>(
  build: Build,
  open: (build: Build) => Promise<Session>,
  use: (session: Session) => Promise<A>,
): Promise<A> => {
  const session = await open(build);
  try {
    return await use(session);
  } finally {
    await session.close();
  }
};

const resultOf = async (
  spec: FigureSpec,
  context: RunContext,
  samples: ReadonlyArray<number>,
  rounds: RoundsOutcome,
  session: Session,
): Promise<FigureResult> => {
  const spread = spreadOf(samples);
  return {
    figure: spec.name,
    unit: spec.unit,
    target: describeTarget(spec.target),
    verdict: verdictOf(spread, spec.target),
    spread,
    samples,
    stopped: rounds.stopped,
    elapsedMs: rounds.elapsedMs,
    belowNoiseFloor: isBelowNoiseFloor(spread, context.noiseFloorWidth),
    details: (await session.details?.()) ?? {},
  };
};

export const measureFigure = async (
  context: RunContext,
  spec: FigureSpec,
  open: (build: Build) => Promise<Session>,
): Promise<FigureResult> => {
  const plan = {
    budgetMs: spec.budgetSeconds * 1000,
    ...(spec.minRounds === undefined ? {} : { minRounds: spec.minRounds }),
  };
  const baseline = context.baseline;
  if (baseline === undefined) {
    return withSession(context.current, open, async (session) => {
      const rounds = await measureRounds(session.sample, { ...plan, target: spec.target });
      return resultOf(spec, context, rounds.samples, rounds, session);
    });
  }
  return withSession(context.current, open, (current) =>
    withSession(baseline, open, async (old) => {
      const news: number[] = [];
      const olds: number[] = [];
      const recorded = (into: number[], sample: Promise<number>): Promise<number> =>
        sample.then((value) => {
          into.push(value);
          return value;
        });
      // rounds stop once new ÷ old is clearly on one side of 1
      const unchanged: Target = higherIsBetter(spec.target) ? atLeast(1) : atMost(1);
      const rounds = await measureRounds(
        (n) =>
          interleavedRatio(
            n,
            () => recorded(news, current.sample(n)),
            () => recorded(olds, old.sample(n)),
          ),
        { ...plan, target: unchanged },
      );
      const result = await resultOf(spec, context, news, rounds, current);
      return {
        ...result,
        compared: {
          spread: rounds.spread,
          change: changeOf(rounds.spread, higherIsBetter(spec.target)),
          old: `${round(spreadOf(olds).median)} (${baseline.label})`,
        },
      };
    }),
  );
};

/** A value measured once per build (a count is exact); with `--compare`, whether it changed. */
export const measuredOnce = (
  context: RunContext,
  spec: Omit<FigureSpec, 'budgetSeconds'>,
  value: number,
  old: number | undefined,
  details: Readonly<Record<string, unknown>>,
): FigureResult => {
  const spread = spreadOf([value]);
  return {
    figure: spec.name,
    unit: spec.unit,
    target: describeTarget(spec.target),
    verdict: verdictOf(spread, spec.target),
    spread,
    samples: [value],
    elapsedMs: 0,
    belowNoiseFloor: false,
    ...(old === undefined || context.baseline === undefined
      ? {}
      : {
          compared: {
            spread: spreadOf([old === 0 ? (value === 0 ? 1 : Number.POSITIVE_INFINITY) : value / old]),
            change: value === old ? 'same' : 'changed',
            old: `${old} (${context.baseline.label})`,
          },
        }),
    details,
  };
};
