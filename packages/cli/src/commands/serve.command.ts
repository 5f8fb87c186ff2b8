/** `airbyte-provisioner serve [--sandbox]`: the HTTP server, until SIGTERM or SIGINT. */
import type { Command } from 'commander';
import type { Collaborators } from '../collaborators/collaborators.js';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type ExitCode } from '../output/exit-code.js';
import { startService } from '../server/start-service.js';
import { appConfigOrReport } from './app-config.js';
import { parseCount } from './parse-count.js';
import { untilSignal } from './until-signal.js';

export const NO_AIRBYTE_FOR_SERVE = [
  'Cannot start: no Airbyte is configured. Either',
  '  - point the provisioner at your Airbyte: set AIRBYTE_API_URL (e.g. http://localhost:8000/api/public/v1),',
  '    AIRBYTE_WORKSPACE_ID and credentials (AIRBYTE_CLIENT_ID + AIRBYTE_CLIENT_SECRET, or AIRBYTE_TOKEN,',
  '    or AIRBYTE_USERNAME + AIRBYTE_PASSWORD); or',
  '  - try it on the built-in sandbox Airbyte, where nothing real is deployed: airbyte-provisioner serve --sandbox',
].join('\n');

interface ServeOptions {
  readonly sandbox?: boolean;
  readonly sandboxLatencyMs?: number;
}

export const registerServeCommand = (
  program: Command,
  collaborators: Collaborators,
  io: CliIo,
  done: (code: ExitCode) => void,
): void => {
  program
    .command('serve')
    .description('serve the specific-provisioner HTTP API (configuration from env and PROVISIONER_CONFIG)')
    .option('--sandbox', 'use an embedded in-memory sandbox Airbyte: nothing real is deployed')
    .option('--sandbox-latency-ms <n>', "delay of each of the sandbox's answers, in ms", parseCount)
    .action(async (options: ServeOptions) => {
      const config = appConfigOrReport(io);
      if (config === undefined) return done(EXIT_INVALID_INPUT);
      if (config.airbyte === undefined && options.sandbox !== true) {
        io.stderr.write(`${NO_AIRBYTE_FOR_SERVE}\n`);
        return done(EXIT_INVALID_INPUT);
      }
      const stopSignal = untilSignal();
      let service;
      try {
        service = await startService(
          collaborators,
          config,
          options.sandbox === true
            ? {
                sandbox:
                  options.sandboxLatencyMs === undefined ? {} : { latencyMs: options.sandboxLatencyMs },
              }
            : {},
        );
      } catch (error) {
        stopSignal.cancel();
        io.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
        return done(EXIT_FAILURE);
      }
      await stopSignal.received;
      const { drained } = await service.stop();
      // the operations and requests still running were abandoned (and logged so): they must not hold the
      // exit back
      if (!drained) io.exit?.(EXIT_OK);
      done(EXIT_OK);
    });
};
