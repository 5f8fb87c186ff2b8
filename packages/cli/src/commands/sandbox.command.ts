/**
 * `airbyte-provisioner sandbox`: the in-memory sandbox Airbyte alone, for trying the CLI commands or a
 * separately started server against it. Prints its URL and credentials (sandbox-only, worthless elsewhere).
 */
import type { Command } from 'commander';
import type { Collaborators } from '../collaborators/collaborators.js';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from '../output/exit-code.js';
import { parseCount } from './parse-count.js';
import { untilSignal } from './until-signal.js';

interface SandboxOptions {
  readonly port?: number;
  readonly host: string;
  readonly latencyMs?: number;
  readonly json?: boolean;
  readonly user: ReadonlyArray<string>;
  /** commander's negation of `--no-rbac`: false when it is given. */
  readonly rbac: boolean;
}

const collect = (value: string, previous: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...previous,
  value,
];

export const registerSandboxCommand = (
  program: Command,
  collaborators: Collaborators,
  io: CliIo,
  done: (code: ExitCode) => void,
): void => {
  program
    .command('sandbox')
    .description('run the in-memory sandbox Airbyte alone (public API subset); nothing real is deployed')
    .option('--port <n>', 'port to listen on (default: a free one)', parseCount)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--latency-ms <n>', 'delay of each answer, in ms', parseCount)
    .option('--json', 'print the URL and credentials as one JSON line')
    .option('--user <email>', 'a user of the organization, for updateacl (repeatable)', collect, [])
    .option(
      '--no-rbac',
      'answer /users, /permissions and /groups with 404, as an edition without role-based access',
    )
    .action(async (options: SandboxOptions) => {
      const stopSignal = untilSignal();
      let sandbox;
      try {
        sandbox = await collaborators.startAirbyteSandbox({
          host: options.host,
          ...(options.port === undefined ? {} : { port: options.port }),
          ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
          ...(options.user.length === 0 ? {} : { users: options.user }),
          ...(options.rbac ? {} : { rbac: false }),
        });
      } catch (error) {
        stopSignal.cancel();
        io.stderr.write(
          `Cannot start the sandbox: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        return done(EXIT_FAILURE);
      }
      const env = {
        AIRBYTE_API_URL: sandbox.url,
        AIRBYTE_WORKSPACE_ID: sandbox.workspaceId,
        AIRBYTE_CLIENT_ID: sandbox.credentials.clientId,
        AIRBYTE_CLIENT_SECRET: sandbox.credentials.clientSecret,
        ...(sandbox.organizationId === undefined ? {} : { AIRBYTE_ORGANIZATION_ID: sandbox.organizationId }),
      };
      if (options.json === true) {
        io.stdout.write(
          `${JSON.stringify({ url: sandbox.url, workspaceId: sandbox.workspaceId, ...sandbox.credentials })}\n`,
        );
      } else {
        io.stdout.write(
          [
            `Sandbox Airbyte listening on ${sandbox.url} (in memory: nothing real is deployed).`,
            'Point the provisioner at it with:',
            ...Object.entries(env).map(([name, value]) => `  export ${name}=${value}`),
            'Stop it with Ctrl-C.',
            '',
          ].join('\n'),
        );
      }
      await stopSignal.received;
      await sandbox.close();
      done(EXIT_OK);
    });
};
