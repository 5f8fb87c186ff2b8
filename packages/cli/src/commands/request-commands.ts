/**
 * `validate`, `plan`, `provision` and `unprovision <file>`: read the request (a component descriptor in
 * YAML, or a whole ProvisioningRequest in JSON; `-` for stdin), run the use case, print the outcome.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import {
  type OperationFailure,
  type OperationResult,
  type ProvisioningRequest,
} from '@airbyte-provisioner/core';
import type { Collaborators } from '../collaborators/collaborators.js';
import type { AppConfig } from '../config/app-config.js';
import { buildContainer } from '../container/build-container.js';
import { commandModule } from '../container/command.module.js';
import { resolve } from '../container/resolve.js';
import { UseCasesToken } from '../container/tokens.js';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, exitCodeOf, type ExitCode } from '../output/exit-code.js';
import { makeProgress } from '../output/progress.js';
import {
  failureJson,
  renderFailure,
  renderPlan,
  renderProblems,
  renderResult,
  resultJson,
} from '../output/render.js';
import { appConfigOrReport } from './app-config.js';
import { NO_AIRBYTE_FOR_COMMAND, type RequestCommandOptions } from './command-options.js';
import { readInput } from './read-input.js';

type Done = (code: ExitCode) => void;

const writeJson = (io: CliIo, value: unknown): void => {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** Reads and decodes the request; on failure prints why and gives the exit code. */
const readRequest = async (
  collaborators: Collaborators,
  file: string,
  io: CliIo,
  options: RequestCommandOptions,
): Promise<E.Either<ExitCode, ProvisioningRequest>> => {
  const text = await readInput(file, io);
  if (E.isLeft(text)) {
    if (options.json === true) writeJson(io, { error: text.left });
    else io.stderr.write(`${text.left}\n`);
    return E.left(EXIT_INVALID_INPUT);
  }
  const request = collaborators.parseRequestFile(text.right);
  if (E.isLeft(request)) {
    if (options.json === true) writeJson(io, { valid: false, problems: request.left });
    else
      io.stderr.write(
        renderProblems(`${file === '-' ? 'Standard input' : file} is not a request`, request.left),
      );
    return E.left(EXIT_INVALID_INPUT);
  }
  return E.right(request.right);
};

interface Prepared {
  readonly config: AppConfig;
  readonly request: ProvisioningRequest;
}

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
  const request = await readRequest(collaborators, file, io, options);
  return E.map((r: ProvisioningRequest) => ({ config, request: r }))(request);
};

const useCasesFor = (
  collaborators: Collaborators,
  io: CliIo,
  config: AppConfig,
  options: RequestCommandOptions,
) => {
  const progress = makeProgress(io.stderr, { json: options.json === true });
  const container = buildContainer(
    collaborators,
    config,
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
    const { useCases } = useCasesFor(collaborators, io, prepared.right.config, options);
    const outcome = await useCases.validate(prepared.right.request)();
    if (options.json === true) writeJson(io, outcome);
    else if (outcome.valid) {
      io.stdout.write(`${file === '-' ? 'The request' : file} is valid.\n`);
      for (const warning of outcome.warnings ?? []) io.stdout.write(`  warning: ${warning}\n`);
    } else
      io.stdout.write(renderProblems(`${file === '-' ? 'The request' : file} is invalid`, outcome.problems));
    done(outcome.valid ? EXIT_OK : EXIT_INVALID_INPUT);
  };

const planAction =
  (collaborators: Collaborators, io: CliIo, done: Done) =>
  async (file: string, options: RequestCommandOptions): Promise<void> => {
    const prepared = await prepare(collaborators, file, io, options, true);
    if (E.isLeft(prepared)) return done(prepared.left);
    const { useCases, progress } = useCasesFor(collaborators, io, prepared.right.config, options);
    const planned = await useCases.plan(prepared.right.request)();
    progress.close();
    if (E.isLeft(planned)) return reportFailure(io, options, planned.left, done);
    if (options.json === true) writeJson(io, { changes: planned.right });
    else io.stdout.write(renderPlan(planned.right));
    done(EXIT_OK);
  };

const reportFailure = (
  io: CliIo,
  options: RequestCommandOptions,
  failure: OperationFailure,
  done: Done,
): void => {
  if (options.json === true) writeJson(io, failureJson(failure));
  else io.stderr.write(renderFailure(failure));
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
    const { useCases, progress } = useCasesFor(collaborators, io, config, options);
    const outcome: E.Either<OperationFailure, OperationResult> = await useCases[operation](request)();
    progress.close();
    if (E.isLeft(outcome)) return reportFailure(io, options, outcome.left, done);
    if (options.json === true) writeJson(io, resultJson(outcome.right));
    else io.stdout.write(renderResult(outcome.right));
    done(EXIT_OK);
  };

const FILE_HELP = 'a component descriptor (YAML) or a ProvisioningRequest (JSON); - reads standard input';
const STATE_HELP =
  'keep the deployment records (Airbyte ids, secret fingerprints) in this JSON file between runs, so an unchanged re-run writes nothing';

/** Wraps an action so that an unexpected exception is a system failure, not a crash. */
const guarded =
  (io: CliIo, done: Done, action: (file: string, options: RequestCommandOptions) => Promise<void>) =>
  async (file: string, options: RequestCommandOptions): Promise<void> => {
    try {
      await action(file, options);
    } catch (error) {
      io.stderr.write(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
      done(EXIT_FAILURE);
    }
  };

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
      'show what provision would do per resource: create, update (changed fields), replace (why), noop',
    )
    .argument('<file>', FILE_HELP)
    .option('--json', 'print the plan as JSON')
    .option('--state <file>', STATE_HELP)
    .action(guarded(io, done, planAction(collaborators, io, done)));
  program
    .command('provision')
    .description('make Airbyte hold the source, destination and connection the descriptor declares')
    .argument('<file>', FILE_HELP)
    .option('--json', 'print the result as JSON (the API ProvisioningStatus shape)')
    .option('--state <file>', STATE_HELP)
    .action(guarded(io, done, operationAction(collaborators, io, done, 'provision')));
  program
    .command('unprovision')
    .description(
      "remove the descriptor's connection, and its source and destination unless another connection uses them",
    )
    .argument('<file>', FILE_HELP)
    .option('--json', 'print the result as JSON (the API ProvisioningStatus shape)')
    .option('--state <file>', STATE_HELP)
    .option('--remove-data', 'ask for the data to be removed too (removeData: true)')
    .action(guarded(io, done, operationAction(collaborators, io, done, 'unprovision')));
};
