import { expect } from 'chai';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { DesiredState, StreamSelection, SyncMode } from '../../src/domain/index.js';
import { deployChanges } from '../../src/planner/index.js';
import { makeTestDeps, type TestDeps } from '../../src/testing/index.js';
import { deployComponent } from '../../src/use-cases/index.js';
import { prepareDeploy } from '../../src/use-cases/prepare-deploy.js';
import { componentOf } from './component.js';

const MODES: ReadonlyArray<SyncMode> = [
  'full_refresh_overwrite',
  'full_refresh_append',
  'incremental_append',
];
const STREAMS = ['a', 'b', 'c'];

const word = fc.constantFrom('x', 'y', 'z');

const sourceArb = fc.record({
  name: fc.constantFrom('src-1', 'src-2'),
  type: fc.constantFrom('file', 's3'),
  url: word,
  password: fc.option(word, { nil: undefined }),
});

const destinationArb = fc.record({
  name: fc.constantFrom('dst-1', 'dst-2'),
  type: fc.constantFrom('snowflake', 'postgres'),
  schema: word,
  password: fc.option(word, { nil: undefined }),
});

const selectionArb: fc.Arbitrary<ReadonlyArray<StreamSelection>> = fc
  .subarray(STREAMS, { minLength: 1 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .option(fc.constantFrom(...MODES), { nil: undefined })
          .map((syncMode) => ({ name, ...(syncMode ? { syncMode } : {}) })),
      ),
    ),
  );

const desiredArb: fc.Arbitrary<DesiredState> = fc
  .record({
    source: sourceArb,
    destination: destinationArb,
    connectionName: fc.constantFrom('con-1', 'con-2'),
    streams: fc.option(selectionArb, { nil: undefined }),
    cron: fc.option(fc.constantFrom('0 0 * * * ?', '0 30 * * * ?'), { nil: undefined }),
    status: fc.constantFrom('active' as const, 'inactive' as const),
    prefix: fc.option(word, { nil: undefined }),
  })
  .map((d) => ({
    source: {
      name: d.source.name,
      connector: { _tag: 'ConnectorType', connectorType: d.source.type },
      configuration: { url: d.source.url, ...(d.source.password ? { password: d.source.password } : {}) },
      secretPaths: d.source.password ? ['password'] : [],
    },
    destination: {
      name: d.destination.name,
      connector: { _tag: 'ConnectorType', connectorType: d.destination.type },
      configuration: {
        schema: d.destination.schema,
        ...(d.destination.password ? { credentials: { password: d.destination.password } } : {}),
      },
      secretPaths: d.destination.password ? ['credentials.password'] : [],
    },
    connection: {
      name: d.connectionName,
      streams: d.streams ? { _tag: 'Selected', streams: d.streams } : { _tag: 'All' },
      schedule: d.cron ? { scheduleType: 'cron', cronExpression: d.cron } : { scheduleType: 'manual' },
      status: d.status,
      ...(d.prefix ? { prefix: d.prefix } : {}),
      syncOnProvision: 'never',
    },
  }));

/** Unrelated resources, possibly with our names, and connections between whatever exists. */
const seedArb: fc.Arbitrary<ReadonlyArray<SeedItem>> = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('source' as const),
      name: fc.constantFrom('src-1', 'src-2', 'other'),
      url: word,
    }),
    fc.record({
      kind: fc.constant('destination' as const),
      name: fc.constantFrom('dst-1', 'dst-2', 'other'),
      url: word,
    }),
    fc.record({
      kind: fc.constant('connection' as const),
      name: fc.constantFrom('con-1', 'con-2', 'other'),
      url: word,
    }),
  ),
  { maxLength: 4 },
);

interface SeedItem {
  readonly kind: 'source' | 'destination' | 'connection';
  readonly name: string;
  readonly url: string;
}

const seed = (deps: TestDeps, items: ReadonlyArray<SeedItem>): void => {
  for (const item of items) {
    if (item.kind !== 'connection') {
      deps.gateway.seedActor(item.kind, {
        name: item.name,
        connector: { _tag: 'ConnectorType', connectorType: item.kind === 'source' ? 'file' : 'snowflake' },
        configuration: { url: item.url },
      });
      continue;
    }
    const [source] = deps.gateway.listActors('source');
    const [destination] = deps.gateway.listActors('destination');
    if (source && destination)
      deps.gateway.seedConnection({
        name: item.name,
        sourceId: source.id,
        destinationId: destination.id,
        streams: [{ name: 'a', syncMode: 'full_refresh_append' }],
        schedule: { scheduleType: 'manual' },
        status: 'active',
      });
  }
};

describe('deploy, then plan again (property)', () => {
  it('yields only noops, and a redeploy writes nothing, whatever the starting Airbyte state', async () => {
    await fc.assert(
      fc.asyncProperty(
        seedArb,
        fc.array(desiredArb, { minLength: 1, maxLength: 3 }),
        async (items, states) => {
          const deps = makeTestDeps({
            gateway: {
              catalogFor: () => STREAMS.map((name) => ({ name, syncModes: MODES })),
            },
          });
          seed(deps, items);
          let last: E.Either<unknown, unknown> = E.left('not run');
          for (const desired of states) last = await deployComponent(deps)(componentOf(desired))();
          // a conflict (ambiguous name, shared actor) is a legitimate refusal, not a convergence failure
          fc.pre(E.isRight(last));
          const desired = states[states.length - 1]!;
          const prepared = await prepareDeploy(deps)(componentOf(desired))();
          if (E.isLeft(prepared)) throw new Error(JSON.stringify(prepared.left));
          expect(deployChanges(prepared.right.plan).map((c) => c.action)).to.deep.equal([
            'noop',
            'noop',
            'noop',
          ]);
          expect(prepared.right.plan.discover).to.equal(false);
          deps.gateway.resetCalls();
          const again = await deployComponent(deps)(componentOf(desired))();
          expect(E.isRight(again)).to.equal(true);
          expect(deps.gateway.counts().writes).to.equal(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
