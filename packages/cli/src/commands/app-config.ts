/** Loads the configuration for a command; on problems prints all of them (stderr) and gives exit code 1. */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { Problem } from '@airbyte-provisioner/core';
import type { AppConfig } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import type { CliIo } from '../output/cli-io.js';
import { renderProblems } from '../output/render.js';

const readTextFile = (path: string): E.Either<string, string> =>
  E.tryCatch(
    () => readFileSync(path, 'utf8'),
    (error) =>
      typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error),
  );

/** The configuration, or every problem with it. */
export const loadAppConfig = (io: CliIo): E.Either<ReadonlyArray<Problem>, AppConfig> =>
  loadConfig({ env: io.env, readTextFile });

export const appConfigOrReport = (io: CliIo): AppConfig | undefined => {
  const loaded = loadAppConfig(io);
  if (E.isRight(loaded)) return loaded.right;
  io.stderr.write(renderProblems('Invalid configuration', loaded.left));
  return undefined;
};
