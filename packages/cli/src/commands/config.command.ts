/** `airbyte-provisioner config`: the effective configuration, secrets redacted. */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { describeConfig } from '../config/describe-config.js';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_INVALID_INPUT, EXIT_OK, type ExitCode } from '../output/exit-code.js';
import { appConfigOrReport } from './app-config.js';

export const registerConfigCommand = (program: Command, io: CliIo, done: (code: ExitCode) => void): void => {
  program
    .command('config')
    .description('print the effective configuration (env and PROVISIONER_CONFIG), secrets redacted')
    .option('--json', 'print JSON instead of YAML')
    .action((options: { json?: boolean }) => {
      const config = appConfigOrReport(io);
      if (config === undefined) return done(EXIT_INVALID_INPUT);
      const described = describeConfig(config);
      io.stdout.write(
        options.json === true ? `${JSON.stringify(described, null, 2)}\n` : stringify(described),
      );
      done(EXIT_OK);
    });
};
