/**
 * Numbered, forward-only SQL migrations (`migrations/NNNN_name.sql`, shipped with the package): applied in
 * one transaction under a transaction-scoped advisory lock, so two replicas starting together migrate once
 * (the second waits, then finds nothing to do). A database migrated by a newer provisioner is refused: this
 * code does not know its schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { inTransaction } from '../postgres-pool.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Where the SQL files are: beside the package's sources (`src/…` and `dist/src/…` both reach the package's
 * `migrations/`), or beside the CLI's one-file bundle, which carries a copy.
 */
const candidates = ['./migrations/', '../migrations/', '../../migrations/', '../../../migrations/'].map(
  (relative) => new URL(relative, import.meta.url),
);

export const defaultMigrationsDir = (): string => {
  const found = candidates.find((url) => existsSync(new URL('0001_state.sql', url)));
  if (found === undefined)
    throw new Error('the SQL migrations of airbyte-provisioner are missing from its installation');
  return fileURLToPath(found);
};

/** The migrations of `dir`, in order; a gap or a duplicate number is a packaging bug. */
export const loadMigrations = (dir: string = defaultMigrationsDir()): ReadonlyArray<Migration> => {
  const migrations = readdirSync(dir)
    .flatMap((file) => {
      const match = FILE.exec(file);
      return match === null
        ? []
        : [{ version: Number(match[1]), name: match[2] ?? '', sql: readFileSync(`${dir}/${file}`, 'utf8') }];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.version} (${m.name}) is out of sequence: expected ${i + 1}`);
  });
  return migrations;
};

/** Any number works, as long as every replica takes the same one. */
const MIGRATION_LOCK = 7_041_962_118_311;

export interface MigrationOutcome {
  /** The versions this call applied (none when the schema was up to date, or another replica did it). */
  readonly applied: ReadonlyArray<number>;
  readonly version: number;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `the database schema is at version ${databaseVersion}, newer than this provisioner knows (${codeVersion}): ` +
        'it was migrated by a newer provisioner. Run that version (or newer); migrations are forward-only, never roll the code back past them',
    );
    this.name = 'SchemaTooNewError';
  }
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS provisioner_schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

const currentVersion = async (client: pg.Pool | pg.PoolClient): Promise<number> => {
  const { rows } = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM provisioner_schema_migrations',
  );
  return rows[0]?.version ?? 0;
};

export const migrate = (
  pool: pg.Pool,
  migrations: ReadonlyArray<Migration> = loadMigrations(),
): Promise<MigrationOutcome> =>
  inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_LEDGER);
    const from = await currentVersion(client);
    const latest = migrations.at(-1)?.version ?? 0;
    if (from > latest) throw new SchemaTooNewError(from, latest);
    const pending = migrations.filter((m) => m.version > from);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO provisioner_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return { applied: pending.map((m) => m.version), version: Math.max(from, latest) };
  });

export type SchemaState =
  | { readonly _tag: 'UpToDate'; readonly version: number }
  | { readonly _tag: 'Behind'; readonly version: number; readonly latest: number }
  | { readonly _tag: 'TooNew'; readonly version: number; readonly latest: number };

/** Where the database's schema stands against this code (for readiness), without changing anything. */
export const schemaState = async (
  pool: pg.Pool,
  migrations: ReadonlyArray<Migration> = loadMigrations(),
): Promise<SchemaState> => {
  const latest = migrations.at(-1)?.version ?? 0;
  const { rows } = await pool.query<{ present: boolean }>(
    "SELECT to_regclass('provisioner_schema_migrations') IS NOT NULL AS present",
  );
  const version = rows[0]?.present === true ? await currentVersion(pool) : 0;
  if (version > latest) return { _tag: 'TooNew', version, latest };
  return version === latest ? { _tag: 'UpToDate', version } : { _tag: 'Behind', version, latest };
};
