/**
 * `pnpm bench`: measures every figure of issue #7, prints one JSON line per figure, and rewrites
 * BENCHMARKS.md. `--only id,id` runs some groups and leaves BENCHMARKS.md alone (for working on one figure).
 */
import { errorLine, figureLine, type FigureGroup, type GroupReport } from './harness/figure.js';
import { NOT_MEASURED } from './harness/landing.js';
import { describeMachine } from './harness/machine.js';
import { benchmarksMarkdown } from './harness/paths.js';
import { writeReport } from './harness/report.js';
import { allGroups } from './figures/index.js';

const onlyArgument = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArgument?.slice('--only='.length).split(',');
const groups: ReadonlyArray<FigureGroup> =
  only === undefined ? allGroups : allGroups.filter((group) => only.includes(group.id));

const machine = describeMachine();
const reports: GroupReport[] = [];
const started = performance.now();
for (const group of groups) {
  const groupStarted = performance.now();
  try {
    const outcome = await group.run();
    for (const figure of outcome.figures) console.log(figureLine(figure));
    reports.push({ group, figures: outcome.figures, notes: outcome.notes ?? [] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(errorLine(group.id, message));
    // a missing piece explains itself; anything else is a bug worth its stack
    if (!message.startsWith(NOT_MEASURED)) console.error(error);
    reports.push({ group, figures: [], notes: [], error: message });
  }
  console.error(`# ${group.id}: ${((performance.now() - groupStarted) / 1000).toFixed(1)} s`);
}
console.error(`# total: ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (only === undefined) {
  writeReport(benchmarksMarkdown, machine, reports);
  console.error(`# wrote ${benchmarksMarkdown}`);
} else {
  console.error('# partial run (--only): BENCHMARKS.md left as it was');
}
if (reports.some((report) => report.error !== undefined)) process.exitCode = 1;
