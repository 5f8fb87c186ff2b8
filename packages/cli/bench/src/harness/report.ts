/**
 * Rewrites BENCHMARKS.md from one run: the machine and its load, the noise floor, a summary table, then
 * each group's method and details. Whatever follows the KEPT marker in the old file is carried over.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { FigureResult, GroupReport } from './figure.js';
import type { Machine } from './machine.js';
import { relativeWidth, type Spread } from './stats.js';

export const KEPT = '<!-- kept across runs: everything below this line -->';

export interface RunSummary {
  readonly machine: Machine;
  readonly loadAtEnd: number;
  readonly seconds: number;
  readonly noiseFloor: Spread;
  /** Label of the `--compare` build, if any. */
  readonly comparedWith?: string;
  readonly reports: ReadonlyArray<GroupReport>;
}

const cell = (value: unknown): string => String(value).replaceAll('|', '\\|').replaceAll('\n', ' ');

const decimals = (value: number): string => value.toFixed(Math.abs(value) >= 100 ? 1 : 3);

export const formatNumber = (value: number): string =>
  !Number.isFinite(value) || Number.isInteger(value) ? String(value) : decimals(value);

/** Both ends alike: `1.000–1.200`, not `1–1.200`. */
export const formatSpread = (spread: Spread): string => {
  if (spread.rounds <= 1) return 'exact';
  const counts = Number.isInteger(spread.low) && Number.isInteger(spread.high);
  return counts ? `${spread.low}–${spread.high}` : `${decimals(spread.low)}–${decimals(spread.high)}`;
};

const VERDICT_MARK: Readonly<Record<string, string>> = {
  pass: '✓ pass',
  fail: '✗ fail',
  inconclusive: '? inconclusive',
  reported: 'reported',
};

const summaryRow = (figure: FigureResult, comparing: boolean): string => {
  const cells = [
    figure.figure,
    formatNumber(figure.spread.median),
    formatSpread(figure.spread),
    String(figure.spread.rounds),
    figure.unit,
    figure.target,
    `${VERDICT_MARK[figure.verdict] ?? figure.verdict}${figure.belowNoiseFloor ? ' (spread below noise floor)' : ''}`,
  ];
  if (comparing) {
    const compared = figure.compared;
    cells.push(
      compared === undefined
        ? ''
        : `${formatNumber(compared.spread.median)} (${formatSpread(compared.spread)})`,
      compared?.change ?? '',
      compared?.old ?? '',
    );
  }
  return `| ${cells.map(cell).join(' | ')} |`;
};

const detailLines = (figure: FigureResult): string[] => [
  `- **${figure.figure}** = ${formatNumber(figure.spread.median)} ${figure.unit}, spread ${formatSpread(figure.spread)} ` +
    `over ${figure.spread.rounds} round(s)${figure.stopped === undefined ? '' : `, stopped: ${figure.stopped}`} ` +
    `(target ${figure.target}: ${figure.verdict})`,
  `  - rounds: \`${JSON.stringify(figure.samples.map((sample) => Number(formatNumber(sample))))}\``,
  ...Object.entries(figure.details).map(([key, value]) => `  - ${key}: \`${cell(JSON.stringify(value))}\``),
];

/** The summary table: one row per figure (with new ÷ old when comparing). */
export const resultsTable = (run: RunSummary): string[] => {
  const comparing = run.comparedWith !== undefined;
  const lines = [
    `| figure | median | spread (95% CI) | rounds | unit | target | verdict |${comparing ? ' new ÷ old (95% CI) | change | old median |' : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- |${comparing ? ' --- | --- | --- |' : ''}`,
  ];
  for (const report of run.reports) {
    if (report.error !== undefined) lines.push(`| ${report.group.id} | not measured | | | | | ✗ |`);
    for (const figure of report.figures) lines.push(summaryRow(figure, comparing));
  }
  return lines;
};

export const renderReport = (run: RunSummary): string => {
  const { machine } = run;
  const comparing = run.comparedWith !== undefined;
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Written by \`pnpm bench\` (packages/cli/bench) on ${machine.date} in ${Math.round(run.seconds)} s; the next run`,
    'rewrites this file down to the marker at its end. Every figure is a ratio or a count measured side by side',
    'in the same run, over rounds whose two sides are taken back to back in alternating order (A B, B A, …).',
    'A figure is its median over the rounds; its spread is the 95% confidence interval of that median, read',
    'off the sorted rounds (min–max up to 8 rounds, narrower from 9 on; the quartiles are in the JSON lines).',
    'It passes when the whole spread is on the right side of the target, fails when the whole spread is on the',
    'wrong side, and is `inconclusive` otherwise; rounds are added, within a fixed time budget per figure, until',
    "the median's 99% interval is on one side of the target (a stricter bar for stopping early, as the rounds",
    'are looked at after each one). Counts are exact and measured once.',
    '',
    '`pnpm bench` runs them all (under 15 minutes on 2 cores); `pnpm bench -- --only <group>[,<group>]` runs some',
    `(groups: ${run.reports.map((report) => `\`${report.group.id}\``).join(', ')}); \`pnpm bench -- --compare <git ref>\``,
    'builds that commit in a directory of its own and measures it beside the current tree in the same rounds,',
    "printing each figure's new ÷ old with its spread. Those two leave this file as it is.",
    '',
    '## Machine',
    '',
    '| node | CPU | cores | memory | OS | load average (1 min) at start / end |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${machine.node} | ${cell(machine.cpuModel)} | ${machine.cores} | ${machine.memoryGiB} GiB | ${cell(machine.os)} | ${machine.loadAverage} / ${run.loadAtEnd} |`,
    '',
    '## Noise floor',
    '',
    `The same server against itself (bare Koa ÷ a second bare Koa, validate bodies, 1 s slices, ${run.noiseFloor.rounds} rounds):`,
    `median ${formatNumber(run.noiseFloor.median)}, spread ${formatSpread(run.noiseFloor)} ` +
      `(${(relativeWidth(run.noiseFloor) * 100).toFixed(1)}% of the median). A figure whose spread is narrower, ` +
      'relative to its median, says so: its rounds agree more closely than this machine does with itself.',
    '',
    '## Results',
    '',
  ];
  if (comparing)
    lines.push(`New ÷ old: the current tree against ${cell(run.comparedWith)}, in the same rounds.`, '');
  lines.push(...resultsTable(run));
  for (const report of run.reports) {
    lines.push('', `## ${report.group.title}`, '', report.group.method.trim(), '');
    if (report.error !== undefined) {
      lines.push('**Not measured in this run:**', '', '```', report.error.slice(0, 2000), '```', '');
    }
    if (report.figures.length > 0) lines.push('Measured:', '', ...report.figures.flatMap(detailLines), '');
    if (report.notes.length > 0) lines.push('Findings:', '', ...report.notes.map((note) => `- ${note}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
};

/** Writes the report, keeping what followed the KEPT marker in the file it replaces. */
export const writeReport = (path: string, run: RunSummary): void => {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const keptAt = old.indexOf(KEPT);
  const kept = keptAt === -1 ? `${KEPT}\n` : old.slice(keptAt);
  writeFileSync(path, `${renderReport(run)}\n${kept}`);
};
