import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FigureGroup } from '../src/harness/figure.js';
import { KEPT, writeReport, type RunSummary } from '../src/harness/report.js';
import { spreadOf } from '../src/harness/stats.js';

const group: FigureGroup = {
  id: 'demo',
  title: 'Demo',
  method: 'How it is measured.',
  run: () => Promise.resolve({ figures: [] }),
};

const summary: RunSummary = {
  machine: {
    node: 'v20',
    cpuModel: 'cpu',
    cores: 2,
    memoryGiB: 4,
    os: 'linux',
    date: 'today',
    loadAverage: 3,
  },
  loadAtEnd: 4,
  seconds: 60,
  noiseFloor: spreadOf([0.9, 1, 1.1, 1, 1, 1]),
  reports: [
    {
      group,
      notes: [],
      figures: [
        {
          figure: 'demo: a ÷ b',
          unit: 'ratio',
          target: '≤ 1.1',
          verdict: 'inconclusive',
          spread: spreadOf([1, 1.2, 1.05, 1.1, 1.0]),
          samples: [1, 1.2, 1.05, 1.1, 1.0],
          stopped: 'budget spent',
          elapsedMs: 1000,
          belowNoiseFloor: false,
          details: {},
        },
      ],
    },
  ],
};

describe('BENCHMARKS.md', () => {
  it('lists each figure with its median, spread, rounds and verdict, and keeps what follows the marker', () => {
    const directory = mkdtempSync(join(tmpdir(), 'bench-report-'));
    try {
      const path = join(directory, 'BENCHMARKS.md');
      writeFileSync(path, `old run\n${KEPT}\nTwo runs side by side.\n`);
      writeReport(path, summary);
      const written = readFileSync(path, 'utf8');
      expect(written).to.include(
        '| demo: a ÷ b | 1.050 | 1.000–1.200 | 5 | ratio | ≤ 1.1 | ? inconclusive |',
      );
      expect(written).to.include('load average (1 min) at start / end');
      expect(written).to.not.include('old run');
      expect(written.endsWith(`${KEPT}\nTwo runs side by side.\n`)).to.equal(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
