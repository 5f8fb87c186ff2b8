/**
 * `airbyte-provisioner migrate`: applies the database migrations and exits, for operators who migrate in a
 * separate step (a Kubernetes Job before the rollout). `serve` applies them at start-up too; both take the
 * same lock, so running them together is safe.
 */
import type { Command } from 'commander';
import type { CliIo } from '../output/cli-io.js';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type ExitCode } from '../output/exit-code.js';
import { appConfigOrReport } from './app-config.js';

export const NO_DATABASE_FOR_MIGRATE =
  'Cannot migrate: DATABASE_URL is not set (e.g. postgres://user:password@host:5432/provisioner). Without it the provisioner keeps its state in memory and has nothing to migrate.';

export const registerMigrateCommand = (program: Command, io: CliIo, done: (code: ExitCode) => void): void => {
  program
    .command('migrate')
    .description("apply the PostgreSQL state database's migrations (DATABASE_URL), then exit")
    .action(async () => {
      const config = appConfigOrReport(io);
      if (config === undefined) return done(EXIT_INVALID_INPUT);
      if (config.state === undefined) {
        io.stderr.write(`${NO_DATABASE_FOR_MIGRATE}\n`);
        return done(EXIT_INVALID_INPUT);
      }
      // imported here: loading `pg` costs every other command's start-up a fifth (see build-container.ts)
      const { makePostgresPool, migrate } = await import('@airbyte-provisioner/adapter-postgres');
      const pool = makePostgresPool({ connectionString: config.state.databaseUrl, max: 1 });
      try {
        const outcome = await migrate(pool);
        io.stdout.write(
          outcome.applied.length === 0
            ? `The database schema is up to date (version ${outcome.version}).\n`
            : `Applied migration${outcome.applied.length === 1 ? '' : 's'} ${outcome.applied.join(', ')}; the database schema is at version ${outcome.version}.\n`,
        );
        return done(EXIT_OK);
      } catch (error) {
        io.stderr.write(`Cannot migrate: ${error instanceof Error ? error.message : String(error)}\n`);
        return done(EXIT_FAILURE);
      } finally {
        await pool.end().catch(() => undefined);
      }
    });
};
