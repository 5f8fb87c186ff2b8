import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Build } from '../harness/build.js';
import { runProbe } from '../harness/child.js';
import { dataProductWith } from '../harness/descriptors.js';
import type { FigureGroup, FigureResult, RunContext } from '../harness/figure.js';
import { startHost } from '../harness/host.js';
import { measuredOnce, measureFigure, type Session } from '../harness/measure.js';
import { exampleDescriptorText } from '../harness/requests.js';
import { mean, median, round } from '../harness/stats.js';
import { atMost, reported } from '../harness/target.js';
import type { ValidationCommands } from '../harness/validation-host-protocol.js';

interface PeakProbe {
  readonly descriptorBytes: number;
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
  readonly valid: boolean;
  readonly acceptedWithDefaultLimits: boolean;
}

const MiB = 1024 * 1024;
const SMALL = 200;
const LARGE = 2000;
/** Small validations on each side of the large one: both sides of a round then validate the same bytes. */
const SMALL_RUNS_EACH_SIDE = LARGE / SMALL / 2;
const TARGET = 10.5;
const BUDGET_SECONDS = 90;
/**
 * V8 collects garbage on helper threads too. On 2 cores, how much of the second core those threads found
 * free moved one validation's time by half (62 to 140 ms, in phases), so a round would have measured the
 * machine's other work; on one thread the time is the validation's own work, collection included.
 */
const HOST_FLAGS = ['--single-threaded-gc'];

/**
 * One build's rounds, each in a fresh validation host. Rounds taken in one long-lived process lean the way
 * that process does: six hosts of one build, eight rounds each, gave medians from 9.86 to 11.42, so a
 * run's verdict depended on which process it drew. A fresh process per round puts that variation inside
 * the spread, where it belongs.
 */
const openSession =
  (files: { readonly small: string; readonly large: string }) =>
  (build: Build): Promise<Session> => {
    const smallMs: number[] = [];
    const largeMs: number[] = [];
    return Promise.resolve({
      sample: async () => {
        const host = await startHost<ValidationCommands>(
          'hosts/validation-host.js',
          [build.root, files.small, files.large],
          HOST_FLAGS,
        );
        try {
          const times = await host.call('round', { smallRuns: SMALL_RUNS_EACH_SIDE });
          smallMs.push(mean(times.smallMs));
          largeMs.push(times.largeMs);
          return times.largeMs / mean(times.smallMs);
        } finally {
          await host.stop();
        }
      },
      details: () =>
        Promise.resolve({
          smallMedianMs: round(median(smallMs), 2),
          largeMedianMs: round(median(largeMs), 2),
        }),
      close: () => Promise.resolve(),
    });
  };

const peakOf = (build: Build, file: string): Promise<PeakProbe> =>
  runProbe<PeakProbe>('probes/validate-scale.js', [build.root, file, '3']);

const peakFigures = async (
  context: RunContext,
  files: { readonly small: string; readonly large: string },
): Promise<FigureResult[]> => {
  const figure = async (components: number, file: string): Promise<FigureResult> => {
    const current = await peakOf(context.current, file);
    const old = context.baseline === undefined ? undefined : await peakOf(context.baseline, file);
    if (!current.valid) throw new Error(`the ${components}-component descriptor did not validate`);
    return measuredOnce(
      context,
      { name: `scale: peak RSS ${components} components`, unit: 'MiB', target: reported },
      round(current.peakRssBytes / MiB, 1),
      old === undefined ? undefined : round(old.peakRssBytes / MiB, 1),
      {
        rssBeforeValidationMiB: round(current.rssBeforeBytes / MiB, 1),
        descriptorKiB: round(current.descriptorBytes / 1024, 1),
        acceptedWithDefaultLimits: current.acceptedWithDefaultLimits,
      },
    );
  };
  return [await figure(SMALL, files.small), await figure(LARGE, files.large)];
};

export const scaleGroup: FigureGroup = {
  id: 'scale',
  title: 'Scale: validating large data products',
  method: `
The example's data product, its Airbyte component copied (distinct ids and resource names) up to ${SMALL}
and ${LARGE} components in all; the request provisions the last copy. The bench writes both descriptors to
files; a validation host (own process, the build's \`validateProvisioningRequest(profiles)\` with the size
limits raised, \`--single-threaded-gc\`) validates them, one unmeasured validation of each first. Each
round is a fresh host: ${SMALL_RUNS_EACH_SIDE} validations of the small one, one of the large one, ${SMALL_RUNS_EACH_SIDE} more of the small one,
so both sizes validate the same bytes and a drift in the machine's speed meets both; its value is the
large one's time ÷ the small ones' mean. Target ≤ ${TARGET}, i.e. linear. Peak RSS of validating each size
(\`process.resourceUsage().maxRSS\` of a fresh process per size) is reported, with no target.`,
  run: async (context) => {
    const directory = mkdtempSync(join(tmpdir(), 'airbyte-provisioner-bench-'));
    try {
      const files = {
        small: join(directory, `data-product-${SMALL}.yaml`),
        large: join(directory, `data-product-${LARGE}.yaml`),
      };
      writeFileSync(files.small, dataProductWith(exampleDescriptorText(), SMALL));
      writeFileSync(files.large, dataProductWith(exampleDescriptorText(), LARGE));
      const ratio = await measureFigure(
        context,
        {
          name: `scale: validation time ${LARGE} components ÷ ${SMALL}`,
          unit: 'ratio',
          target: atMost(TARGET),
          budgetSeconds: BUDGET_SECONDS,
        },
        openSession(files),
      );
      return { figures: [ratio, ...(await peakFigures(context, files))] };
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};
