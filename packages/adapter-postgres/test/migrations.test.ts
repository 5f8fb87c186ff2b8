import { expect } from 'chai';
import { makePostgresPool } from '../src/postgres-pool.js';
import { loadMigrations, migrate, schemaState, SchemaTooNewError } from '../src/migrations/migrations.js';
import { freshDatabase, type TestDatabase } from '../src/testing/index.js';
import type pg from 'pg';

describe('migrations', () => {
  let database: TestDatabase;
  let pools: pg.Pool[];
  const pool = (): pg.Pool => {
    const p = makePostgresPool({ connectionString: database.url, max: 2 });
    pools.push(p);
    return p;
  };
  beforeEach(async () => {
    database = await freshDatabase();
    pools = [];
  });
  afterEach(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await database.drop();
  });

  it('ships numbered SQL files, in sequence from 1', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).to.deep.equal(migrations.map((_, i) => i + 1));
    expect(migrations[0]?.name).to.equal('state');
  });

  it('applies every migration to an empty database, then nothing the second time', async () => {
    const latest = loadMigrations().length;
    const p = pool();
    expect(await schemaState(p)).to.deep.equal({ _tag: 'Behind', version: 0, latest });
    expect(await migrate(p)).to.deep.equal({
      applied: loadMigrations().map((m) => m.version),
      version: latest,
    });
    expect(await migrate(p)).to.deep.equal({ applied: [], version: latest });
    expect(await schemaState(p)).to.deep.equal({ _tag: 'UpToDate', version: latest });
  });

  it('migrates once when two replicas start together: the second waits for the first, then finds nothing to do', async () => {
    const outcomes = await Promise.all([migrate(pool()), migrate(pool())]);
    expect(outcomes.map((o) => o.applied).sort()).to.deep.equal([[], loadMigrations().map((m) => m.version)]);
    const { rows } = await pool().query<{ n: string }>(
      'SELECT count(*) AS n FROM provisioner_schema_migrations',
    );
    expect(rows[0]?.n).to.equal(String(loadMigrations().length));
  });

  it('refuses a database migrated by a newer provisioner, with a message that says what to do', async () => {
    const p = pool();
    await migrate(p);
    await p.query("INSERT INTO provisioner_schema_migrations (version, name) VALUES (99, 'from_the_future')");
    const refused = await migrate(p).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(SchemaTooNewError);
    expect((refused as Error).message).to.match(
      new RegExp(
        `schema is at version 99, newer than this provisioner knows \\(${loadMigrations().length}\\)`,
      ),
    );
    expect(await schemaState(p)).to.deep.equal({
      _tag: 'TooNew',
      version: 99,
      latest: loadMigrations().length,
    });
  });

  it('rolls a failing migration back whole: nothing of it, nor its ledger row, remains', async () => {
    const p = pool();
    const broken = [
      ...loadMigrations(),
      { version: loadMigrations().length + 1, name: 'broken', sql: 'CREATE TABLE half (id int); SELECT 1/0' },
    ];
    const failed = await migrate(p, broken).then(
      () => 'migrated',
      () => 'failed',
    );
    expect(failed).to.equal('failed');
    const { rows } = await p.query<{ present: boolean }>(
      "SELECT to_regclass('provisioner_tasks') IS NOT NULL OR to_regclass('half') IS NOT NULL AS present",
    );
    expect(rows[0]?.present).to.equal(false);
  });
});
