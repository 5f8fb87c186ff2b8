/**
 * The request commands in-process, over stand-in collaborators: how each outcome of a use case becomes
 * output and an exit code, and what reaches the use cases (request, flags, state file, progress).
 */
import 'reflect-metadata';
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as T from 'fp-ts/lib/Task.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  airbyteFailure,
  airbyteRejected,
  airbyteUnauthorized,
  airbyteUnavailable,
  invalidRequest,
  problem,
  type CoreDeps,
  type OperationFailure,
  type OperationResult,
  type ProvisioningRequest,
} from '@airbyte-provisioner/core';
import type { Collaborators, UseCases } from '../../src/collaborators/collaborators.js';
import { runCli } from '../../src/commands/program.js';
import { JsonFileDeploymentRecordRepository } from '../../src/node/json-file-deployment-record-repository.js';
import { example } from '../support/child-cli.js';
import { memoryIo } from '../support/memory-io.js';
import { standInUseCases } from '../support/stand-in-use-cases.js';
import { renderPlanDetailed } from '../../src/output/render-plan.js';
import { reviewPlan } from '../support/review-plan.js';

const AIRBYTE_ENV = {
  LOG_LEVEL: 'silent',
  AIRBYTE_API_URL: 'http://127.0.0.1:9/api/public/v1',
  AIRBYTE_WORKSPACE_ID: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
  AIRBYTE_TOKEN: 'token',
};

const result: OperationResult = {
  message: 'Deployed Airbyte connection "c"',
  info: { publicInfo: { connection: { type: 'string', label: 'Connection', value: 'c' } }, privateInfo: {} },
  logs: [{ timestamp: '2026-01-01T00:00:00.000Z', level: 'INFO', message: 'Created source "s"' }],
};

const failure = (error: OperationFailure['error']): OperationFailure => ({ error, logs: [] });

interface Seen {
  requests: ProvisioningRequest[];
  deps: CoreDeps[];
}

const collaborators = (useCases: Partial<UseCases>, seen: Seen): Collaborators => {
  const unused = (): never => {
    throw new Error('not used by the request commands');
  };
  const record =
    <A>(f: (r: ProvisioningRequest) => A) =>
    (r: ProvisioningRequest): A => {
      seen.requests.push(r);
      return f(r);
    };
  return {
    parseRequestFile: (text) =>
      text.includes('componentIdToProvision')
        ? E.right({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: text })
        : E.left([problem('', 'is neither a component descriptor nor a ProvisioningRequest')]),
    makeUseCases: (deps) => {
      seen.deps.push(deps);
      return standInUseCases(deps, {
        validate: record(useCases.validate ?? (() => T.of({ valid: true }))),
        plan: record(useCases.plan ?? (() => TE.right([]))),
        provision: record(useCases.provision ?? (() => TE.right(result))),
        unprovision: record(useCases.unprovision ?? (() => TE.right(result))),
      });
    },
    createHttpApp: unused,
    createMetrics: unused,
    startHttpServer: unused,
    startAirbyteSandbox: unused,
  };
};

const run = async (
  argv: ReadonlyArray<string>,
  useCases: Partial<UseCases> = {},
  env: Record<string, string> = AIRBYTE_ENV,
  stdin = '',
) => {
  const seen: Seen = { requests: [], deps: [] };
  const io = memoryIo(env, stdin);
  const code = await runCli(argv, io, collaborators(useCases, seen));
  return { code, out: io.out(), err: io.err(), seen };
};

describe('request commands (in-process)', () => {
  it('validate: 0 for a valid request, 1 with every problem for an invalid one, with or without Airbyte', async () => {
    const valid = await run(['validate', example('file-to-snowflake.yaml')], {}, { LOG_LEVEL: 'silent' });
    expect(valid.code).to.equal(0);
    expect(valid.out).to.contain('is valid');
    const invalid = await run(['validate', example('file-to-snowflake.yaml'), '--json'], {
      validate: () =>
        T.of({ valid: false, problems: [problem('a.b', 'is required'), problem('c', 'is wrong')] }),
    });
    expect(invalid.code).to.equal(1);
    expect(JSON.parse(invalid.out)).to.deep.equal({
      valid: false,
      problems: [
        { path: 'a.b', message: 'is required' },
        { path: 'c', message: 'is wrong' },
      ],
    });
  });

  it('reads the request from stdin with -', async () => {
    const text = 'componentIdToProvision: x\n';
    const outcome = await run(['validate', '-'], {}, AIRBYTE_ENV, text);
    expect(outcome.code).to.equal(0);
    expect(outcome.seen.requests[0]!.descriptor).to.equal(text);
  });

  it('exits 1 for a missing file or a file that is not a request, naming it', async () => {
    const missing = await run(['provision', 'no-such-file.yaml']);
    expect(missing.code).to.equal(1);
    expect(missing.err).to.contain('Cannot read no-such-file.yaml: no such file');
    const notRequest = await run(['plan', example('provisioner-config.yaml')]);
    expect(notRequest.code).to.equal(1);
    expect(notRequest.err).to.contain('is neither a component descriptor nor a ProvisioningRequest');
    expect(notRequest.seen.requests).to.have.length(0);
  });

  it('exits 1 when plan, provision or unprovision have no Airbyte to talk to, saying what to set', async () => {
    for (const command of ['plan', 'provision', 'unprovision']) {
      const outcome = await run([command, example('file-to-snowflake.yaml')], {}, { LOG_LEVEL: 'silent' });
      expect(outcome.code, command).to.equal(1);
      expect(outcome.err).to.contain('AIRBYTE_API_URL').and.to.contain('airbyte-provisioner sandbox');
    }
  });

  it('exits 1 on configuration problems, listing them', async () => {
    const outcome = await run(
      ['provision', example('file-to-snowflake.yaml')],
      {},
      { ...AIRBYTE_ENV, PORT: 'x' },
    );
    expect(outcome.code).to.equal(1);
    expect(outcome.err).to.contain('PORT: must be an integer');
  });

  it('plan: prints each change with its values, and the plan as data with --json', async () => {
    const text = await run(['plan', example('file-to-snowflake.yaml')], { plan: () => TE.right(reviewPlan) });
    expect(text.code).to.equal(0);
    expect(text.out).to.equal(renderPlanDetailed(reviewPlan));
    expect(text.out).to.not.include('\u001b[');
    const json = await run(['plan', example('file-to-snowflake.yaml'), '--json'], {
      plan: () => TE.right(reviewPlan),
    });
    expect(JSON.parse(json.out)).to.deep.equal({ changesPending: true, changes: reviewPlan });
  });

  it('plan --detailed-exitcode: 0 no changes, 2 changes pending, 1 invalid input, 3 Airbyte failure', async () => {
    const file = example('file-to-snowflake.yaml');
    const noop = { kind: 'source' as const, name: 's', action: 'noop' as const, id: 's-1' };
    const code = async (plan: UseCases['plan'], extra: string[] = []) =>
      (await run(['plan', file, '--detailed-exitcode', ...extra], { plan })).code;
    expect(await code(() => TE.right([noop]))).to.equal(0);
    expect(await code(() => TE.right(reviewPlan))).to.equal(2);
    expect(await code(() => TE.right(reviewPlan), ['--json'])).to.equal(2);
    expect(await code(() => TE.left(failure(invalidRequest([problem('a', 'b')]))))).to.equal(1);
    expect(
      await code(() => TE.left(failure(airbyteFailure('find source "s"', airbyteUnavailable('refused'))))),
    ).to.equal(3);
    expect(
      await code(() => () => Promise.reject(new Error('bug'))),
      'an unexpected exception is a system failure',
    ).to.equal(3);
    expect((await run(['plan', 'no-such-file.yaml', '--detailed-exitcode'])).code).to.equal(1);
    // without the flag, the exit codes stay: pending changes are 0, a failure 2
    expect((await run(['plan', file], { plan: () => TE.right(reviewPlan) })).code).to.equal(0);
    expect(
      (
        await run(['plan', file], {
          plan: () => TE.left(failure(airbyteFailure('find source "s"', airbyteUnavailable('refused')))),
        })
      ).code,
    ).to.equal(2);
  });

  it('provision: prints the result; --json prints it in the ProvisioningStatus shape', async () => {
    const text = await run(['provision', example('file-to-snowflake.yaml')]);
    expect(text.code).to.equal(0);
    expect(text.out)
      .to.contain('Deployed Airbyte connection "c"')
      .and.to.contain('[INFO] Created source "s"');
    const json = await run(['provision', example('file-to-snowflake.yaml'), '--json']);
    expect(JSON.parse(json.out)).to.deep.equal({
      status: 'COMPLETED',
      result: result.message,
      info: result.info,
      logs: result.logs,
    });
  });

  it('provision: exits 2 when Airbyte fails and 1 when the core finds the request invalid', async () => {
    const down = await run(['provision', example('file-to-snowflake.yaml'), '--json'], {
      provision: () =>
        TE.left(failure(airbyteFailure('create source "s"', airbyteUnavailable('connection refused')))),
    });
    expect(down.code).to.equal(2);
    expect(JSON.parse(down.out)).to.deep.include({ status: 'FAILED' });
    const invalid = await run(['provision', example('file-to-snowflake.yaml')], {
      provision: () => TE.left(failure(invalidRequest([problem('specific.source.name', 'is required')]))),
    });
    expect(invalid.code).to.equal(1);
    expect(invalid.err).to.contain('specific.source.name: is required');
  });

  it('unprovision: passes --remove-data on as removeData', async () => {
    const outcome = await run(['unprovision', example('file-to-snowflake.yaml'), '--remove-data']);
    expect(outcome.code).to.equal(0);
    expect(outcome.seen.requests[0]!.removeData).to.equal(true);
  });

  it('keeps deployment records in the --state file, and in memory without it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ap-state-'));
    try {
      const withState = await run([
        'plan',
        example('file-to-snowflake.yaml'),
        '--state',
        join(dir, 's.json'),
      ]);
      expect(withState.seen.deps[0]!.deploymentRecords).to.be.instanceOf(JsonFileDeploymentRecordRepository);
      const without = await run(['plan', example('file-to-snowflake.yaml')]);
      expect(without.seen.deps[0]!.deploymentRecords).not.to.be.instanceOf(
        JsonFileDeploymentRecordRepository,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('errors that point', () => {
    const SOURCE_NAME = 'dataProduct.components[0].specific.source.name';
    const SYNC_MODE = 'dataProduct.components[0].specific.connection.streams[0].syncMode';
    const invalidOutcome = () =>
      T.of({
        valid: false as const,
        problems: [problem(SOURCE_NAME, 'is required'), problem(SYNC_MODE, 'must be one of …')],
      });

    it('prints each descriptor problem as file:line:column: path: message', async () => {
      const file = example('invalid.yaml');
      const outcome = await run(['validate', file], { validate: invalidOutcome });
      expect(outcome.code).to.equal(1);
      expect(outcome.out).to.contain(`  - ${file}:18:9: ${SOURCE_NAME}: is required\n`);
      expect(outcome.out).to.contain(`  - ${file}:32:25: ${SYNC_MODE}: must be one of …\n`);
    });

    it('locates the problems of a failed provision too, and tells each once (not again under Steps)', async () => {
      const file = example('invalid.yaml');
      const problems = [problem(SOURCE_NAME, 'is required')];
      const outcome = await run(['provision', file], {
        provision: () =>
          TE.left({
            error: invalidRequest(problems),
            logs: [
              { timestamp: '2026-01-01T00:00:00.000Z', level: 'INFO', message: 'Validated the descriptor' },
              {
                timestamp: '2026-01-01T00:00:00.000Z',
                level: 'ERROR',
                message: `${SOURCE_NAME}: is required`,
              },
            ],
          }),
      });
      expect(outcome.code).to.equal(1);
      expect(outcome.err).to.contain(`${file}:18:9: ${SOURCE_NAME}: is required`);
      expect(outcome.err.split(`${SOURCE_NAME}: is required`)).to.have.length(2);
      expect(outcome.err).to.contain('[INFO] Validated the descriptor');
    });

    it('tells a broken .json file in JSON terms, with its position', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ap-json-'));
      try {
        const file = join(dir, 'request.json');
        await writeFile(file, '{\n  "descriptorKind": "COMPONENT_DESCRIPTOR"\n  "descriptor": "x"\n}\n');
        const outcome = await run(['validate', file]);
        expect(outcome.code).to.equal(1);
        expect(outcome.err).to.contain(`${file}:3:3: is not valid JSON: Expected ',' or '}'`);
        expect(outcome.err).to.not.contain('YAML');
        const cut = await run(['validate', '-'], {}, AIRBYTE_ENV, '{"descriptorKind": "COMPO');
        expect(cut.err).to.contain('<stdin>:1:26: is not valid JSON: Unterminated string');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('gives each Airbyte failure its own advice: a 403 names the workspace, an unknown type the type', async () => {
      const forbidden = await run(['plan', example('file-to-snowflake.yaml')], {
        plan: () =>
          TE.left(
            failure(
              airbyteFailure(
                'find source "s"',
                airbyteUnauthorized(
                  403,
                  'GET /sources was refused: our credentials do not give access to it (403)',
                ),
              ),
            ),
          ),
      });
      expect(forbidden.code).to.equal(2);
      expect(forbidden.err).to.contain(
        `What to do: This application cannot see workspace ${AIRBYTE_ENV.AIRBYTE_WORKSPACE_ID}: check AIRBYTE_WORKSPACE_ID or the application's permissions`,
      );
      const unknownType = await run(['provision', example('file-to-snowflake.yaml')], {
        provision: () =>
          TE.left(
            failure(
              airbyteFailure(
                'create destination "d"',
                airbyteRejected(
                  400,
                  'POST /destinations was rejected by Airbyte (400): Unknown destinationType "nosuch"',
                ),
              ),
            ),
          ),
      });
      const advice = unknownType.err.split('What to do: ')[1] ?? '';
      expect(advice)
        .to.contain('specific.destination.destinationType')
        .and.not.contain('connectionConfiguration');
      const rejected = await run(['provision', example('file-to-snowflake.yaml')], {
        provision: () =>
          TE.left(failure(airbyteFailure('create source "s"', airbyteRejected(422, 'url: must be a URL')))),
      });
      expect(rejected.err).to.contain('What to do:').and.contain('specific.source.connectionConfiguration');
    });

    it('refuses a corrupt --state file as bad input (exit 1), naming it and what is wrong', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ap-state-'));
      try {
        const notJson = join(dir, 'broken.json');
        await writeFile(notJson, '{"version": 1, "records": {');
        const wrongShape = join(dir, 'shape.json');
        await writeFile(wrongShape, JSON.stringify({ version: 1, records: { a: { x: 1 } } }));
        for (const [file, why] of [
          [notJson, 'it is not valid JSON at line 1, column 28: Expected property name'],
          [wrongShape, 'it is not a state file: records.a.workspaceId: is required'],
        ] as const) {
          const outcome = await run(['plan', example('file-to-snowflake.yaml'), '--state', file]);
          expect(outcome.code, file).to.equal(1);
          expect(outcome.err).to.contain(`Cannot use --state ${file}: ${why}`);
          expect(outcome.err).to.not.contain('Internal');
          expect(outcome.seen.requests, 'nothing ran').to.have.length(0);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('logs JSON lines only with LOG_LEVEL set or --log-json', async () => {
      const { LOG_LEVEL: _ignored, ...noLevel } = AIRBYTE_ENV;
      const level = async (env: Record<string, string>, extra: string[] = []) =>
        (
          (await run(['plan', example('file-to-snowflake.yaml'), ...extra], {}, env)).seen.deps[0]!
            .logger as unknown as {
            level: string;
          }
        ).level;
      expect(await level(noLevel)).to.equal('silent');
      expect(await level(noLevel, ['--log-json'])).to.equal('warn');
      expect(await level({ ...noLevel, LOG_LEVEL: 'debug' })).to.equal('debug');
    });
  });
});
