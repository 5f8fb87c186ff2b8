/**
 * `airbyte-provisioner sandbox`: the in-memory sandbox Airbyte alone, for trying the CLI commands or a
 * separately started server against it. Prints its URL and credentials (sandbox-only, worthless elsewhere).
 */
import type { Command } from 'commander';
import type { Collaborators } from '../collaborators/collaborators.js';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from '../output/exit-code.js';
import * as E from 'fp-ts/lib/Either.js';
import { shellQuote, startDetachedSandbox } from './detached-sandbox.js';
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
  readonly env?: boolean;
}

const collect = (value: string, previous: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...previous,
  value,
];

/** The options a detached sandbox is started with, as command-line arguments. */
const argsOf = (options: SandboxOptions): ReadonlyArray<string> => [
  '--host',
  options.host,
  ...(options.port === undefined ? [] : ['--port', String(options.port)]),
  ...(options.latencyMs === undefined ? [] : ['--latency-ms', String(options.latencyMs)]),
  ...options.user.flatMap((email) => ['--user', email]),
  ...(options.rbac ? [] : ['--no-rbac']),
];

const printEnv = async (io: CliIo, options: SandboxOptions): Promise<ExitCode> => {
  const started = await startDetachedSandbox(argsOf(options));
  if (E.isLeft(started)) {
    io.stderr.write(`Cannot start the sandbox: ${started.left}\n`);
    return EXIT_FAILURE;
  }
  const s = started.right;
  const exports = {
    AIRBYTE_API_URL: s.url,
    AIRBYTE_WORKSPACE_ID: s.workspaceId,
    AIRBYTE_CLIENT_ID: s.clientId,
    AIRBYTE_CLIENT_SECRET: s.clientSecret,
    AIRBYTE_SANDBOX_PID: String(s.pid),
  };
  io.stdout.write(
    [
      `# Sandbox Airbyte (in memory: nothing real is deployed) running in the background as process ${s.pid}.`,
      '# Stop it with: kill "$AIRBYTE_SANDBOX_PID"',
      ...Object.entries(exports).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
      '',
    ].join('\n'),
  );
  return EXIT_OK;
};

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
    .option(
      '--env',
      'start the sandbox in the background and print `export` lines for it, for: eval "$(airbyte-provisioner sandbox --env)"',
    )
    .action(async (options: SandboxOptions) => {
      if (options.env === true) return done(await printEnv(io, options));
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
