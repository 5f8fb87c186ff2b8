/** Rewrites BENCHMARKS.md from one run's results: the machine, a summary table, then each group. */
import { writeFileSync } from 'node:fs';
import type { GroupReport } from './figure.js';
import type { Machine } from './machine.js';

const cell = (value: unknown): string => String(value).replaceAll('|', '\\|').replaceAll('\n', ' ');

const formatValue = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 3);

const detailLines = (details: Readonly<Record<string, unknown>>): string[] =>
  Object.entries(details).map(([key, value]) => `  - ${key}: \`${cell(JSON.stringify(value))}\``);

export const renderReport = (machine: Machine, reports: ReadonlyArray<GroupReport>): string => {
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Written by \`pnpm bench\` (packages/cli/bench) on ${machine.date}; the next run rewrites this file.`,
    'These machines are noisy, so every figure is a ratio or a count measured side by side in the same run,',
    'never a bare absolute time. Absolute times appear only in the details, to explain a ratio.',
    '',
    '## Machine',
    '',
    '| node | CPU | cores | memory | OS |',
    '| --- | --- | --- | --- | --- |',
    `| ${machine.node} | ${cell(machine.cpuModel)} | ${machine.cores} | ${machine.memoryGiB} GiB | ${cell(machine.os)} |`,
    '',
    '## Results',
    '',
    '| figure | value | unit | target | pass |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const report of reports) {
    if (report.error !== undefined) {
      lines.push(`| ${report.group.id} | not measured | | | ✗ |`);
    }
    for (const figure of report.figures) {
      lines.push(
        `| ${figure.figure} | ${formatValue(figure.value)} | ${cell(figure.unit)} | ${cell(figure.target)} | ${figure.pass ? '✓' : '✗'} |`,
      );
    }
  }
  for (const report of reports) {
    lines.push('', `## ${report.group.title}`, '', report.group.method.trim(), '');
    if (report.error !== undefined) {
      lines.push('**Not measured in this run:**', '', '```', report.error.slice(0, 2000), '```', '');
    }
    if (report.figures.length > 0) {
      lines.push('Measured:', '');
      for (const figure of report.figures) {
        lines.push(
          `- **${figure.figure}** = ${formatValue(figure.value)} ${figure.unit} (target ${figure.target}: ${figure.pass ? 'met' : 'missed'})`,
        );
        lines.push(...detailLines(figure.details));
      }
      lines.push('');
    }
    if (report.notes.length > 0) {
      lines.push('Findings:', '', ...report.notes.map((note) => `- ${note}`), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
};

export const writeReport = (path: string, machine: Machine, reports: ReadonlyArray<GroupReport>): void => {
  writeFileSync(path, renderReport(machine, reports));
};
