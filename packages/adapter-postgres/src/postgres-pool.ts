/**
 * The connection pool every store of this package shares. An idle connection that breaks (the database
 * restarted) is dropped and reported, never thrown: the next query opens a new one, so work resumes when
 * the database is back, without a restart.
 */
import pg from 'pg';

export interface PostgresPoolOptions {
  readonly connectionString: string;
  readonly max?: number;
  /** How long a query waits for a connection (and a connection for the server) before it fails. */
  readonly connectTimeoutMs?: number;
  readonly onIdleError?: (error: Error) => void;
}

export const makePostgresPool = (options: PostgresPoolOptions): pg.Pool => {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'airbyte-provisioner',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
};

/** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
export const inTransaction = async <A>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<A>,
): Promise<A> => {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
};
