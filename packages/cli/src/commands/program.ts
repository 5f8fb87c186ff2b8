/**
 * The `airbyte-provisioner` command line. Each command reports its outcome as an exit code (0 ok,
 * 1 invalid input, 2 Airbyte or system failure; `plan --detailed-exitcode`: 2 changes pending, 3 failure);
 * usage errors from commander count as invalid input.
 */
import { Command, CommanderError } from 'commander';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_INVALID_INPUT, EXIT_OK, type ExitCode } from '../output/exit-code.js';
import type { Collaborators } from '../collaborators/collaborators.js';
import { loadCollaborators } from '../collaborators/load-collaborators.js';
import { registerConfigCommand } from './config.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerConnectorCommands } from './connectors.command.js';
import { registerRequestCommands } from './request-commands.js';
import { registerSandboxCommand } from './sandbox.command.js';
import { registerServeCommand } from './serve.command.js';

export const VERSION = '0.1.0';

export const buildProgram = (
  collaborators: Collaborators,
  io: CliIo,
  done: (code: ExitCode) => void,
): Command => {
  const program = new Command('airbyte-provisioner')
    .description('Deploys Airbyte pipelines declared in data-mesh (Witboost) descriptors.')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  registerServeCommand(program, collaborators, io, done);
  registerSandboxCommand(program, collaborators, io, done);
  registerRequestCommands(program, collaborators, io, done);
  registerConfigCommand(program, io, done);
  registerMigrateCommand(program, io, done);
  registerConnectorCommands(program, io, done);
  return program;
};

/** Runs one command line (without `node` and the script); resolves with the exit code. */
export const runCli = async (
  argv: ReadonlyArray<string>,
  io: CliIo,
  collaborators?: Collaborators,
): Promise<ExitCode> => {
  let code: ExitCode = EXIT_OK;
  const program = buildProgram(collaborators ?? (await loadCollaborators()), io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_INVALID_INPUT;
    throw error;
  }
};
