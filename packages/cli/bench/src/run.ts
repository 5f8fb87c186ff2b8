/**
 * `pnpm bench`: measures every figure in rounds, prints one JSON line per figure (stdout), and rewrites
 * BENCHMARKS.md. `-- --only <group>[,<group>]` runs some groups and leaves BENCHMARKS.md alone;
 * `-- --compare <git ref>` measures that commit's build beside the current tree, figure by figure, and
 * reports new ÷ old (BENCHMARKS.md is left alone too). Progress and a summary table go to stderr.
 */
import { parseArguments } from './harness/arguments.js';
import { currentBuild } from './harness/build.js';
import { NOT_MEASURED } from './harness/build-modules.js';
import { checkoutBuild } from './harness/checkout.js';
import {
  errorLine,
  figureLine,
  type FigureGroup,
  type GroupReport,
  type RunContext,
} from './harness/figure.js';
import { currentLoad, describeMachine } from './harness/machine.js';
import { measureNoiseFloor } from './harness/noise-floor.js';
import { benchmarksMarkdown } from './harness/paths.js';
import { resultsTable, writeReport, type RunSummary } from './harness/report.js';
import { relativeWidth, round } from './harness/stats.js';
import { allGroups } from './figures/index.js';

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const selectedGroups = (only: ReadonlyArray<string> | undefined): ReadonlyArray<FigureGroup> => {
  if (only === undefined) return allGroups;
  const unknown = only.filter((id) => !allGroups.some((group) => group.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `no figure group ${unknown.join(', ')}; the groups are ${allGroups.map((group) => group.id).join(', ')}`,
    );
  }
  return allGroups.filter((group) => only.includes(group.id));
};

const runGroup = async (group: FigureGroup, context: RunContext): Promise<GroupReport> => {
  const started = performance.now();
  try {
    const outcome = await group.run(context);
    for (const figure of outcome.figures) console.log(figureLine(figure));
    return { group, figures: outcome.figures, notes: outcome.notes ?? [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(errorLine(group.id, message));
    // a missing piece explains itself; anything else is a bug worth its stack
    if (!message.startsWith(NOT_MEASURED)) console.error(error);
    return { group, figures: [], notes: [], error: message };
  } finally {
    console.error(`# ${group.id}: ${seconds(started)}`);
  }
};

const args = parseArguments(process.argv.slice(2));
const groups = selectedGroups(args.only);
const machine = describeMachine();
const baseline = args.compare === undefined ? undefined : checkoutBuild(args.compare);
const started = performance.now();

const noiseFloor = await measureNoiseFloor();
console.log(
  JSON.stringify({
    figure: 'noise floor: bare Koa ÷ bare Koa',
    value: round(noiseFloor.median),
    low: round(noiseFloor.low),
    high: round(noiseFloor.high),
    rounds: noiseFloor.rounds,
    relativeWidth: round(relativeWidth(noiseFloor)),
    unit: 'ratio',
    verdict: 'reported',
  }),
);
const context: RunContext = {
  current: currentBuild,
  ...(baseline === undefined ? {} : { baseline }),
  noiseFloorWidth: relativeWidth(noiseFloor),
};
const reports: GroupReport[] = [];
for (const group of groups) reports.push(await runGroup(group, context));

const summary: RunSummary = {
  machine,
  loadAtEnd: currentLoad(),
  seconds: (performance.now() - started) / 1000,
  noiseFloor,
  ...(baseline === undefined ? {} : { comparedWith: baseline.label }),
  reports,
};
console.error(`# total: ${seconds(started)}`);
if (args.only === undefined && baseline === undefined) {
  writeReport(benchmarksMarkdown, summary);
  console.error(`# wrote ${benchmarksMarkdown}`);
} else {
  console.error('# partial run (--only or --compare): BENCHMARKS.md left as it was');
}
// the summary table, for a reader of the terminal
console.error(resultsTable(summary).join('\n'));
if (reports.some((report) => report.error !== undefined)) process.exitCode = 1;
