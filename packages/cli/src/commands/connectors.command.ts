/**
 * `airbyte-provisioner connectors [source|destination]`: the connector types whose configurations
 * validate checks; `airbyte-provisioner scaffold <source|destination> <type>`: a commented `specific`
 * block with every required setting of that connector.
 */
import {
  connectorScaffold,
  CONNECTOR_SCHEMAS_NOTICE,
  publishedConnectorSchemas as schemas,
} from '@airbyte-provisioner/adapter-airbyte';
import type { ConnectorKind } from '@airbyte-provisioner/core';
import type { Command } from 'commander';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_INVALID_INPUT, EXIT_OK, type ExitCode } from '../output/exit-code.js';

const KINDS: ReadonlyArray<ConnectorKind> = ['source', 'destination'];

const isKind = (text: string): text is ConnectorKind => (KINDS as ReadonlyArray<string>).includes(text);

const kindProblem = (text: string): string =>
  `${JSON.stringify(text)} is no connector kind: write source or destination\n`;

export const registerConnectorCommands = (
  program: Command,
  io: CliIo,
  done: (code: ExitCode) => void,
): void => {
  program
    .command('connectors')
    .description(
      'list the connector types (sourceType, destinationType) whose configurations validate checks',
    )
    .argument('[kind]', 'source or destination (default: both)')
    .option('--json', 'print JSON')
    .action((kind: string | undefined, options: { json?: boolean }) => {
      if (kind !== undefined && !isKind(kind)) {
        io.stderr.write(kindProblem(kind));
        return done(EXIT_INVALID_INPUT);
      }
      const kinds = kind === undefined ? KINDS : [kind];
      if (options.json === true) {
        const listed = Object.fromEntries(kinds.map((k) => [`${k}s`, schemas.connectorTypes(k)]));
        io.stdout.write(`${JSON.stringify(listed)}\n`);
      } else {
        for (const k of kinds) {
          const types = schemas.connectorTypes(k);
          io.stdout.write(`${types.length} ${k}s:\n${types.map((t) => `  ${t}`).join('\n')}\n`);
        }
        io.stdout.write(`\n${CONNECTOR_SCHEMAS_NOTICE.split('. Permission')[0]}.\n`);
      }
      done(EXIT_OK);
    });
  program
    .command('scaffold')
    .description('print a commented YAML specific block with every required setting of a connector')
    .argument('<kind>', 'source or destination')
    .argument('<type>', 'the connector type, e.g. postgres (see: airbyte-provisioner connectors)')
    .action((kind: string, type: string) => {
      if (!isKind(kind)) {
        io.stderr.write(kindProblem(kind));
        return done(EXIT_INVALID_INPUT);
      }
      const schema = schemas.schemaOf(kind, type);
      if (schema === undefined) {
        io.stderr.write(
          `${JSON.stringify(type)} is not a published ${kind} connector known here; see: airbyte-provisioner connectors ${kind}\n`,
        );
        return done(EXIT_INVALID_INPUT);
      }
      io.stdout.write(connectorScaffold(kind, type, schema));
      done(EXIT_OK);
    });
};
