import { expect } from 'chai';
import { buildAt } from '../src/harness/build.js';
import type { RunContext } from '../src/harness/figure.js';
import { measuredOnce, measureFigure, type Session } from '../src/harness/measure.js';
import { atLeast, atMost } from '../src/harness/target.js';

const current = buildAt('/new', 'current tree');
const baseline = buildAt('/old', 'main (abc)');

/** A session whose every round is `value`, which logs the rounds it serves and whether it was closed. */
const constant =
  (value: number, log: string[]) =>
  (build: { readonly root: string }): Promise<Session> =>
    Promise.resolve({
      sample: (round) => {
        log.push(`${build.root}#${round}`);
        return Promise.resolve(value);
      },
      close: () => {
        log.push(`${build.root} closed`);
        return Promise.resolve();
      },
    });

describe('bench figures', () => {
  it('measures the current build alone, judges its spread, and closes its session', async () => {
    const log: string[] = [];
    const context: RunContext = { current, noiseFloorWidth: 0.1 };
    const result = await measureFigure(
      context,
      { name: 'ratio', unit: 'ratio', target: atMost(1.1), budgetSeconds: 5 },
      constant(1, log),
    );
    expect(result).to.include({ verdict: 'pass', stopped: 'conclusive', belowNoiseFloor: true });
    expect(result.compared).to.equal(undefined);
    // eight rounds: the fewest whose min–max is a 99% interval, the bar for stopping early
    expect(log).to.deep.equal([...Array.from({ length: 8 }, (_, n) => `/new#${n}`), '/new closed']);
  });

  it('with a baseline, samples both builds in alternating order and reads new ÷ old by the target', async () => {
    const log: string[] = [];
    const open = (build: { readonly root: string }) => constant(build.root === '/new' ? 1.5 : 1, log)(build);
    const context: RunContext = { current, baseline, noiseFloorWidth: 0.1 };
    const faster = await measureFigure(
      context,
      { name: 'throughput', unit: 'ratio', target: atLeast(0.75), budgetSeconds: 5 },
      open,
    );
    expect(faster.compared).to.deep.include({ change: 'better', old: '1 (main (abc))' });
    expect(faster.compared?.spread.median).to.equal(1.5);
    expect(faster.spread.median).to.equal(1.5);
    expect(log.slice(0, 4)).to.deep.equal(['/new#0', '/old#0', '/old#1', '/new#1']);

    const slower = await measureFigure(
      context,
      { name: 'time', unit: 'ratio', target: atMost(2), budgetSeconds: 5 },
      open,
    );
    expect(slower.compared?.change).to.equal('worse');
  });

  it('calls two builds that measure alike no clear change, and stops as soon as that is certain', async () => {
    const log: string[] = [];
    const context: RunContext = { current, baseline, noiseFloorWidth: 0.1 };
    const same = await measureFigure(
      context,
      { name: 'time', unit: 'ratio', target: atMost(2), budgetSeconds: 5 },
      constant(1.2, log),
    );
    expect(same.compared?.change).to.equal('no clear change');
    expect(same.compared?.spread.rounds).to.equal(8);
  });

  it('compares a count measured once by whether it changed', () => {
    const context: RunContext = { current, baseline, noiseFloorWidth: 0.1 };
    const spec = { name: 'writes', unit: 'calls', target: atMost(3) };
    expect(measuredOnce(context, spec, 3, 3, {}).compared?.change).to.equal('same');
    expect(measuredOnce(context, spec, 4, 3, {})).to.deep.include({ verdict: 'fail' });
    expect(measuredOnce(context, spec, 4, 3, {}).compared?.change).to.equal('changed');
  });
});
