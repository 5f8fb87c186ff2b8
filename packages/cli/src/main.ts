#!/usr/bin/env node
// reflect-metadata first: inversify reads metadata as soon as it is loaded.
import 'reflect-metadata';
import { runCli } from './commands/program.js';
import { processIo } from './output/cli-io.js';
import { EXIT_FAILURE } from './output/exit-code.js';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_FAILURE;
  },
);
