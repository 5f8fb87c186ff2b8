import { expect } from 'chai';
import pg from 'pg';
import { freshDatabase } from '../../src/testing/index.js';

describe('the test PostgreSQL server', () => {
  it('serves a fresh database per suite, on PostgreSQL 18', async () => {
    const [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
    try {
      expect(a.url).to.not.equal(b.url);
      const client = new pg.Client({ connectionString: a.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
        expect(Number(rows[0]?.server_version_num)).to.be.at.least(180000);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
