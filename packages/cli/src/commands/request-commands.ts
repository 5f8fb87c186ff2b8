/**
 * `validate`, `plan`, `provision` and `unprovision <file>`: read the request (a component descriptor in
 * YAML, or a whole ProvisioningRequest in JSON; `-` for stdin), run the use case, print the outcome.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import {
  problem,
  type OperationFailure,
  type OperationResult,
  type Problem,
  type ProvisioningRequest,
} from '@airbyte-provisioner/core';
import type { Collaborators } from '../collaborators/collaborators.js';
import type { AppConfig } from '../config/app-config.js';
import { buildContainer } from '../container/build-container.js';
import { commandModule } from '../container/command.module.js';
import { resolve } from '../container/resolve.js';
import { UseCasesToken } from '../container/tokens.js';
import type { CliIo } from '../output/cli-io.js';
import {
  EXIT_CHANGES_PENDING,
  EXIT_DETAILED_FAILURE,
  EXIT_FAILURE,
  EXIT_INVALID_INPUT,
  EXIT_OK,
  exitCodeOf,
  type ExitCode,
} from '../output/exit-code.js';
import { makeProgress } from '../output/progress.js';
import { failureJson, renderFailure, renderProblems, renderResult, resultJson } from '../output/render.js';
import { changesPending, renderPlanDetailed } from '../output/render-plan.js';
import { appConfigOrReport } from './app-config.js';
import { NO_AIRBYTE_FOR_COMMAND, type RequestCommandOptions } from './command-options.js';
import { isJsonInput, jsonSyntaxProblem, readInput } from './read-input.js';
import { JsonFileDeploymentRecordRepository } from '../node/json-file-deployment-record-repository.js';
import { displayName, type ProblemSource } from '../output/problem-lines.js';

type Done = (code: ExitCode) => void;

const writeJson = (io: CliIo, value: unknown): void => {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** The request's problems before any use case: JSON that is not JSON is told in JSON's terms. */
const requestProblems = (
  collaborators: Collaborators,
  file: string,
  text: string,
): E.Either<ReadonlyArray<Problem>, ProvisioningRequest> => {
  const json = isJsonInput(file, text) ? jsonSyntaxProblem(text) : undefined;
  return json === undefined ? collaborators.parseRequestFile(text) : E.left([problem('', json)]);
};

interface ReadRequest {
  readonly request: ProvisioningRequest;
  /** Where the descriptor's problems are: the file, or the descriptor string a JSON request holds. */
  readonly source: ProblemSource;
}

/** Input that cannot be used, told as JSON or on standard error: its exit code. */
const inputError = (io: CliIo, options: RequestCommandOptions, message: string): ExitCode => {
  if (options.json === true) writeJson(io, { error: message });
  else io.stderr.write(`${message}\n`);
  return EXIT_INVALID_INPUT;
};

/** Reads and decodes the request; on failure prints why and gives the exit code. */
const readRequest = async (
  collaborators: Collaborators,
  file: string,
  io: CliIo,
  options: RequestCommandOptions,
): Promise<E.Either<ExitCode, ReadRequest>> => {
  const text = await readInput(file, io);
  if (E.isLeft(text)) return E.left(inputError(io, options, text.left));
  const request = requestProblems(collaborators, file, text.right);
  if (E.isLeft(request)) {
    if (options.json === true) writeJson(io, { valid: false, problems: request.left });
    else
      io.stderr.write(
        renderProblems(`${displayName(file)} is not a request`, request.left, { file, text: text.right }),
      );
    return E.left(EXIT_INVALID_INPUT);
  }
  const { descriptor } = request.right;
  const source: ProblemSource =
    descriptor === text.right ? { file, text: descriptor } : { file, text: descriptor, embedded: true };
  return E.right({ request: request.right, source });
};

interface Prepared extends ReadRequest {
  readonly config: AppConfig;
}

/** A `--state` file that cannot be used is bad input, told before anything runs. */
const stateFileProblem = async (
  io: CliIo,
  options: RequestCommandOptions,
): Promise<E.Either<ExitCode, void>> => {
  if (options.state === undefined) return E.right(undefined);
  const problem = await new JsonFileDeploymentRecordRepository(options.state).problem();
  if (problem === undefined) return E.right(undefined);
  const prefix = `the state file ${options.state} `;
  return E.left(
    inputError(
      io,
      options,
      `Cannot use --state ${options.state}: ${problem.startsWith(prefix) ? `it ${problem.slice(prefix.length)}` : problem}`,
    ),
  );
};

const prepare = async (
  collaborators: Collaborators,
  file: string,
  io: CliIo,
  options: RequestCommandOptions,
  needsAirbyte: boolean,
): Promise<E.Either<ExitCode, Prepared>> => {
  const config = appConfigOrReport(io);
  if (config === undefined) return E.left(EXIT_INVALID_INPUT);
  if (needsAirbyte && config.airbyte === undefined) {
    io.stderr.write(`${NO_AIRBYTE_FOR_COMMAND}\n`);
    return E.left(EXIT_INVALID_INPUT);
  }
  const state = await stateFileProblem(io, options);
  if (E.isLeft(state)) return state;
  const request = await readRequest(collaborators, file, io, options);
  return E.map((r: ReadRequest) => ({ ...r, config }))(request);
};

const useCasesFor = async (
  collaborators: Collaborators,
  io: CliIo,
  config: AppConfig,
  options: RequestCommandOptions,
) => {
  const progress = makeProgress(io.stderr, { json: options.json === true });
  // JSON log lines would interleave with the progress a person reads: only when asked for
  const logLevel =
    (io.env['LOG_LEVEL'] ?? '') !== ''
      ? config.commandLogLevel
      : options.logJson === true
        ? 'warn'
        : 'silent';
  const container = await buildContainer(
    collaborators,
    { ...config, commandLogLevel: logLevel },
    { logFd: 2, ...(options.state === undefined ? {} : { stateFile: options.state }) },
    [commandModule(progress)],
  );
  return { useCases: resolve(container, UseCasesToken), progress };
};

const validateAction =
  (collaborators: Collaborators, io: CliIo, done: Done) =>
  async (file: string, options: RequestCommandOptions): Promise<void> => {
    const prepared = await prepare(collaborators, file, io, options, false);
    if (E.isLeft(prepared)) return done(prepared.left);
    const { useCases } = await useCasesFor(collaborators, io, prepared.right.config, options);
    const outcome = await useCases.validate(prepared.right.request)();
    if (options.json === true) writeJson(io, outcome);
    else if (outcome.valid) {
      io.stdout.write(`${file === '-' ? 'The request' : file} is valid.\n`);
      for (const warning of outcome.warnings ?? []) io.stdout.write(`  warning: ${warning}\n`);
    } else
      io.stdout.write(
        renderProblems(
          `${file === '-' ? 'The request' : file} is invalid`,
          outcome.problems,
          prepared.right.source,
        ),
      );
    done(outcome.valid ? EXIT_OK : EXIT_INVALID_INPUT);
  };

/** `--detailed-exitcode`: a failure is 3, so that 2 can mean "changes pending". */
const planDone =
  (done: Done) =>
  (options: RequestCommandOptions): Done =>
    options.detailedExitcode === true
      ? (code) => done(code === EXIT_FAILURE ? EXIT_DETAILED_FAILURE : code)
      : done;

const planAction =
  (collaborators: Collaborators, io: CliIo, done: Done) =>
  async (file: string, options: RequestCommandOptions): Promise<void> => {
    const finish = planDone(done)(options);
    const prepared = await prepare(collaborators, file, io, options, true);
    if (E.isLeft(prepared)) return finish(prepared.left);
    const { useCases, progress } = await useCasesFor(collaborators, io, prepared.right.config, options);
    const planned = await useCases.plan(prepared.right.request)();
    progress.close();
    if (E.isLeft(planned)) return reportFailure(io, options, prepared.right, planned.left, finish);
    const pending = changesPending(planned.right);
    if (options.json === true) writeJson(io, { changesPending: pending, changes: planned.right });
    else
      io.stdout.write(
        renderPlanDetailed(planned.right, {
          colour: io.stdout.isTTY === true && (io.env['NO_COLOR'] ?? '') === '',
        }),
      );
    // EXIT_CHANGES_PENDING is not a failure: it must not go through `finish`'s mapping
    if (options.detailedExitcode === true && pending) done(EXIT_CHANGES_PENDING);
    else done(EXIT_OK);
  };

const reportFailure = (
  io: CliIo,
  options: RequestCommandOptions,
  prepared: Prepared,
  failure: OperationFailure,
  done: Done,
): void => {
  if (options.json === true) writeJson(io, failureJson(failure));
  else
    io.stderr.write(
      renderFailure(failure, {
        source: prepared.source,
        ...(prepared.config.airbyte === undefined
          ? {}
          : { workspaceId: prepared.config.airbyte.workspaceId }),
      }),
    );
  done(exitCodeOf(failure.error));
};

const operationAction =
  (collaborators: Collaborators, io: CliIo, done: Done, operation: 'provision' | 'unprovision') =>
  async (file: string, options: RequestCommandOptions): Promise<void> => {
    const prepared = await prepare(collaborators, file, io, options, true);
    if (E.isLeft(prepared)) return done(prepared.left);
    const { config } = prepared.right;
    const request: ProvisioningRequest =
      options.removeData === true ? { ...prepared.right.request, removeData: true } : prepared.right.request;
    const { useCases, progress } = await useCasesFor(collaborators, io, config, options);
    const outcome: E.Either<OperationFailure, OperationResult> = await useCases[operation](request)();
    progress.close();
    if (E.isLeft(outcome)) return reportFailure(io, options, prepared.right, outcome.left, done);
    if (options.json === true) writeJson(io, resultJson(outcome.right));
    else io.stdout.write(renderResult(outcome.right));
    done(EXIT_OK);
  };

const FILE_HELP = 'a component descriptor (YAML) or a ProvisioningRequest (JSON); - reads standard input';
const LOG_JSON_HELP =
  'also write JSON log lines (warnings and errors) on standard error; LOG_LEVEL set does the same at its level';
const STATE_HELP =
  'keep the deployment records (Airbyte ids, secret fingerprints) in this JSON file between runs, so an unchanged re-run writes nothing';

/** Wraps an action so that an unexpected exception is a system failure, not a crash. */
const guardedWith =
  (
    io: CliIo,
    doneFor: (options: RequestCommandOptions) => Done,
    action: (file: string, options: RequestCommandOptions) => Promise<void>,
  ) =>
  async (file: string, options: RequestCommandOptions): Promise<void> => {
    try {
      await action(file, options);
    } catch (error) {
      io.stderr.write(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
      doneFor(options)(EXIT_FAILURE);
    }
  };

const guarded = (
  io: CliIo,
  done: Done,
  action: (file: string, options: RequestCommandOptions) => Promise<void>,
) => guardedWith(io, () => done, action);

export const registerRequestCommands = (
  program: Command,
  collaborators: Collaborators,
  io: CliIo,
  done: Done,
): void => {
  program
    .command('validate')
    .description('check a descriptor and list every problem, without calling Airbyte')
    .argument('<file>', FILE_HELP)
    .option('--json', 'print the outcome as JSON')
    .action(guarded(io, done, validateAction(collaborators, io, done)));
  program
    .command('plan')
    .description(
      'show what provision would do per resource: create (with its values), update (old → new), stream changes, replace (why), noop',
    )
    .argument('<file>', FILE_HELP)
    .option('--json', 'print the plan as JSON: the same changes, with their values, as data')
    .option('--state <file>', STATE_HELP)
    .option('--log-json', LOG_JSON_HELP)
    .option(
      '--detailed-exitcode',
      'exit 0 when nothing would change, 2 when changes are pending, 1 for invalid input, 3 when Airbyte or the system failed',
    )
    .action(guardedWith(io, planDone(done), planAction(collaborators, io, done)));
  program
    .command('provision')
    .description('make Airbyte hold the source, destination and connection the descriptor declares')
    .argument('<file>', FILE_HELP)
    .option('--json', 'print the result as JSON (the API ProvisioningStatus shape)')
    .option('--state <file>', STATE_HELP)
    .option('--log-json', LOG_JSON_HELP)
    .action(guarded(io, done, operationAction(collaborators, io, done, 'provision')));
  program
    .command('unprovision')
    .description(
      "remove the descriptor's connection, and its source and destination unless another connection uses them",
    )
    .argument('<file>', FILE_HELP)
    .option('--json', 'print the result as JSON (the API ProvisioningStatus shape)')
    .option('--state <file>', STATE_HELP)
    .option('--log-json', LOG_JSON_HELP)
    .option('--remove-data', 'ask for the data to be removed too (removeData: true)')
    .action(guarded(io, done, operationAction(collaborators, io, done, 'unprovision')));
};
