/**
 * `airbyte-provisioner config`: the effective configuration, secrets redacted, each setting with where
 * its value comes from (a default, an env variable, the profile file). `--json` answers JSON whatever
 * happens, a configuration with problems included.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { Document, isMap, isPair, isScalar } from 'yaml';
import { configOrigins, describeConfig } from '../config/describe-config.js';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_INVALID_INPUT, EXIT_OK, type ExitCode } from '../output/exit-code.js';
import { renderProblems } from '../output/render.js';
import { loadAppConfig } from './app-config.js';

/** The YAML with each origin as a comment: after a value, or after the key of a mapping. */
const annotatedYaml = (described: object, origins: Readonly<Record<string, string>>): string => {
  const doc = new Document(described);
  for (const [path, origin] of Object.entries(origins)) {
    const keys = path.split('.');
    const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === keys.at(-1));
    if (pair === undefined) continue;
    const target = isScalar(pair.value) ? pair.value : isScalar(pair.key) ? pair.key : undefined;
    if (target !== undefined) target.comment = ` ${origin}`;
  }
  return doc.toString();
};

export const registerConfigCommand = (program: Command, io: CliIo, done: (code: ExitCode) => void): void => {
  program
    .command('config')
    .description(
      'print the effective configuration (env and PROVISIONER_CONFIG), where each value comes from, secrets redacted',
    )
    .option('--json', 'print JSON instead of YAML (also for a configuration with problems)')
    .action((options: { json?: boolean }) => {
      const config = loadAppConfig(io);
      if (E.isLeft(config)) {
        if (options.json === true)
          io.stdout.write(`${JSON.stringify({ valid: false, problems: config.left }, null, 2)}\n`);
        else io.stderr.write(renderProblems('Invalid configuration', config.left));
        return done(EXIT_INVALID_INPUT);
      }
      const described = describeConfig(config.right);
      const origins = configOrigins(config.right, io.env);
      io.stdout.write(
        options.json === true
          ? `${JSON.stringify({ ...described, origins }, null, 2)}\n`
          : annotatedYaml(described, origins),
      );
      done(EXIT_OK);
    });
};
