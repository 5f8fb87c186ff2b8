import { expect } from 'chai';
import { loadMigrations } from '@airbyte-provisioner/adapter-postgres';
import { freshDatabase, type TestDatabase } from '@airbyte-provisioner/adapter-postgres/testing';
import { runCliChild } from '../support/child-cli.js';

describe('airbyte-provisioner migrate (child process)', function () {
  this.timeout(30_000);
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  it('applies the migrations, then says the schema is up to date', async () => {
    const first = await runCliChild(['migrate'], { env: { DATABASE_URL: database.url } });
    expect(first.code, first.stderr).to.equal(0);
    const versions = loadMigrations().map((m) => m.version);
    const latest = versions.at(-1);
    expect(first.stdout).to.contain(
      `Applied migrations ${versions.join(', ')}; the database schema is at version ${String(latest)}.`,
    );
    const second = await runCliChild(['migrate'], { env: { DATABASE_URL: database.url } });
    expect(second.code).to.equal(0);
    expect(second.stdout).to.contain(`The database schema is up to date (version ${String(latest)}).`);
  });

  it('says what to set without DATABASE_URL (exit 1)', async () => {
    const run = await runCliChild(['migrate']);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.contain('DATABASE_URL is not set');
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL without echoing it (exit 1)', async () => {
    const run = await runCliChild(['migrate'], { env: { DATABASE_URL: 'mysql://root:hunter2-secret@db/x' } });
    expect(run.code).to.equal(1);
    expect(run.stderr).to.contain('DATABASE_URL');
    expect(run.stderr).to.not.contain('hunter2');
  });

  it('fails with exit 2 when the database cannot be reached, never printing its password', async () => {
    const run = await runCliChild(['migrate'], {
      env: { DATABASE_URL: 'postgres://app:hunter2-secret@127.0.0.1:1/provisioner' },
    });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/^Cannot migrate: /m);
    expect(run.stderr + run.stdout).to.not.contain('hunter2');
  });
});
