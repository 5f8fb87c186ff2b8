import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProbe } from '../harness/child.js';
import { dataProductWith } from '../harness/descriptors.js';
import { median, round, type FigureGroup } from '../harness/figure.js';
import { benchScript } from '../harness/paths.js';
import { exampleDescriptorText } from '../harness/requests.js';

interface ScaleProbe {
  readonly descriptorBytes: number;
  readonly timesMs: ReadonlyArray<number>;
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
  readonly outcome: string;
  readonly acceptedWithDefaultLimits: boolean;
}

interface InterleavedProbe {
  readonly smallMs: ReadonlyArray<ReadonlyArray<number>>;
  readonly largeMs: ReadonlyArray<ReadonlyArray<number>>;
}

const MiB = 1024 * 1024;
const ROUNDS = 9;
const SMALL = 200;
const LARGE = 2000;

/** Median of the warm iterations (the first one pays for JIT compilation). */
const warmMedian = (times: ReadonlyArray<number>): number =>
  median(times.length > 1 ? times.slice(1) : times);

export const scaleGroup: FigureGroup = {
  id: 'scale',
  title: 'Scale: validating large data products',
  method: `
The Witboost example's data product, its Airbyte component copied (distinct ids and resource names) up to
${SMALL} and ${LARGE} components in all; the request provisions the last copy. The bench writes each
descriptor to a file; a separate child process per size (\`node\`, no flags) reads it, validates it with
\`validateProvisioningRequest(profiles)\` several times, and reports each duration and
\`process.resourceUsage().maxRSS\`. The times are taken again in one more child that validates both in
turns (${ROUNDS} rounds of 5 small validations then two large, after two unmeasured validations of each), so
both sizes meet the same machine state: figure, the median over rounds of the two large validations' mean ÷ the
median of the small ones just before them. Target ≤ 10.5, i.e. linear. The ratio of the separate children's
medians is in the details. Peak RSS of each is reported as measured (and their ratio), with no target.`,
  run: async () => {
    const example = await exampleDescriptorText();
    const directory = mkdtempSync(join(tmpdir(), 'airbyte-provisioner-bench-'));
    try {
      const probe = async (components: number, iterations: number): Promise<ScaleProbe> => {
        const file = join(directory, `data-product-${components}.yaml`);
        writeFileSync(file, dataProductWith(example, components));
        return runProbe<ScaleProbe>(benchScript('probes/validate-scale.js'), [file, String(iterations)]);
      };
      const small = await probe(SMALL, 11);
      const large = await probe(LARGE, 4);
      const smallMs = warmMedian(small.timesMs);
      const largeMs = warmMedian(large.timesMs);
      const turns = await runProbe<InterleavedProbe>(benchScript('probes/validate-scale-interleaved.js'), [
        join(directory, `data-product-${SMALL}.yaml`),
        join(directory, `data-product-${LARGE}.yaml`),
        String(ROUNDS),
        '5',
      ]);
      // each round: its two large validations against the small ones just before them
      const roundRatios = turns.largeMs.map((ms, round) => median(ms) / median(turns.smallMs[round] ?? []));
      const ratio = median(roundRatios);
      const notes: string[] = [];
      if (!large.acceptedWithDefaultLimits) {
        notes.push(
          `With the default YAML limits (1,000,000 bytes) the ${LARGE}-component descriptor ` +
            `(${round(large.descriptorBytes / 1024, 0)} KiB) is refused at once; the figure is measured with the byte limit raised.`,
        );
      }
      if (!small.outcome.includes('"_tag":"Right"') || !large.outcome.includes('"_tag":"Right"')) {
        notes.push(`A generated descriptor did not validate: ${small.outcome} / ${large.outcome}`);
      }
      return {
        figures: [
          {
            figure: `scale: validation time ${LARGE} components ÷ ${SMALL}`,
            value: round(ratio),
            unit: 'ratio',
            target: '≤ 10.5',
            pass: ratio <= 10.5,
            details: {
              roundRatios: roundRatios.map((r) => round(r, 2)),
              separateProcessesRatio: round(largeMs / smallMs),
              smallMedianMs: round(smallMs, 2),
              largeMedianMs: round(largeMs, 2),
              smallTimesMs: small.timesMs.map((ms) => round(ms, 1)),
              largeTimesMs: large.timesMs.map((ms) => round(ms, 1)),
              smallDescriptorKiB: round(small.descriptorBytes / 1024, 1),
              largeDescriptorKiB: round(large.descriptorBytes / 1024, 1),
              largeAcceptedWithDefaultLimits: large.acceptedWithDefaultLimits,
            },
          },
          {
            figure: `scale: peak RSS ${SMALL} components`,
            value: round(small.peakRssBytes / MiB, 1),
            unit: 'MiB',
            target: 'reported',
            pass: true,
            details: { rssBeforeValidationMiB: round(small.rssBeforeBytes / MiB, 1) },
          },
          {
            figure: `scale: peak RSS ${LARGE} components`,
            value: round(large.peakRssBytes / MiB, 1),
            unit: 'MiB',
            target: 'reported',
            pass: true,
            details: {
              rssBeforeValidationMiB: round(large.rssBeforeBytes / MiB, 1),
              peakRatioToSmall: round(large.peakRssBytes / small.peakRssBytes),
            },
          },
        ],
        notes,
      };
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};
