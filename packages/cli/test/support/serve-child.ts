/**
 * Replicas for the state tests, on the sandbox Airbyte and a test database: `serve` as a child process (as
 * deployed: it can be killed -9) or the same service in this process, each with the env every such test
 * gives it, and the polls those tests share. Every replica started here is remembered, so a suite ends them
 * all in one hook (`killServeChildren`, `stopReplicas`), those whose start failed included.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import {
  startAirbyteSandbox,
  type AirbyteSandbox,
  type AirbyteSandboxOptions,
} from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { freshDatabase, withClient, type TestDatabase } from '@airbyte-provisioner/adapter-postgres/testing';
import type pg from 'pg';
import { packageCollaborators } from '../../src/collaborators/load-collaborators.js';
import { startService, type RunningService } from '../../src/server/start-service.js';
import { airbyteEnv, configFrom, LEGACY, send, sleep } from '../reliability/harness.js';
import { startCliChild, type LongRunningChild } from './child-cli.js';
import { freePort } from './free-port.js';

type Sandbox = Pick<AirbyteSandbox, 'url' | 'workspaceId' | 'credentials'>;

/**
 * The Airbyte and Snowflake variables for a child on this sandbox, without `AIRBYTE_TIMEOUT_MS`: a child
 * keeps the product's own default Airbyte timeout (30 s), as deployed, so a call the sandbox holds stays in
 * flight until the test ends it. The in-process replicas get the harness's steady timeout instead
 * (`airbyteEnv`'s default, `STEADY_TIMEOUT_MS`).
 */
export const sandboxEnv = (sandbox: Sandbox): Record<string, string> => {
  const { AIRBYTE_TIMEOUT_MS: _timeout, ...env } = airbyteEnv(
    sandbox.url,
    sandbox.workspaceId,
    sandbox.credentials,
  );
  return env;
};

export interface ServedChild {
  readonly child: LongRunningChild;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
}

const children: LongRunningChild[] = [];

/** `serve` (with `args`) as a child on a free port, with only `env`; resolves once it listens. */
export const serveChild = async (
  env: Record<string, string>,
  args: ReadonlyArray<string> = ['serve'],
): Promise<ServedChild> => {
  const port = await freePort();
  const child = startCliChild(args, { PORT: String(port), HOST: '127.0.0.1', ...env });
  children.push(child);
  await child.waitForLine(/airbyte-provisioner is listening/, 60_000);
  return { child, base: `http://127.0.0.1:${port}` };
};

/** A `serve` child on this sandbox and database (`env` adds to or overrides what it is given). */
export const serveReplica = (
  sandbox: Sandbox,
  database: { readonly url: string },
  env: Record<string, string> = {},
): Promise<ServedChild> => serveChild({ ...sandboxEnv(sandbox), DATABASE_URL: database.url, ...env });

/** Kills (-9) every child `serveChild` started that still runs. */
export const killServeChildren = (): void => children.splice(0).forEach((child) => child.kill());

const services: RunningService[] = [];

/**
 * A replica in this process, built as `serve` builds it, on this sandbox (with the harness's steady Airbyte
 * timeout, `STEADY_TIMEOUT_MS`, unless `env` sets `AIRBYTE_TIMEOUT_MS`) and database, with a two-second
 * grace period at stop.
 */
export const startReplica = async (
  sandbox: Sandbox,
  database: { readonly url: string },
  env: Record<string, string> = {},
): Promise<RunningService> => {
  const service = await startService(
    packageCollaborators,
    configFrom({
      ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
      DATABASE_URL: database.url,
      SHUTDOWN_GRACE_MS: '2000',
      ...env,
    }),
  );
  services.push(service);
  return service;
};

/** Stops every replica `startReplica` started and has not stopped yet (gracefully, all at once). */
export const stopReplicas = async (): Promise<void> => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
};

export interface ReplicaSuite {
  /** The suite's sandbox Airbyte (from its `before` hook on). */
  readonly sandbox: () => AirbyteSandbox;
  /** The suite's database (from its `before` hook on). */
  readonly database: () => TestDatabase;
  /** An in-process replica on the suite's sandbox and database, with `defaults` and then `env`. */
  readonly replica: (env?: Record<string, string>) => Promise<RunningService>;
}

/**
 * Hooks for a suite of in-process replicas: one sandbox Airbyte (started with `sandboxOptions`) and one
 * fresh database for the suite, the replicas stopped after each test, the sandbox closed and the database
 * dropped at its end.
 */
export const replicaSuite = (
  defaults: Record<string, string> = {},
  sandboxOptions: AirbyteSandboxOptions = { jobDurationMs: 10 },
): ReplicaSuite => {
  let world: { readonly sandbox: AirbyteSandbox; readonly database: TestDatabase } | undefined;
  const started = () => {
    if (world === undefined) throw new Error('the replica suite has not started: use it inside a test');
    return world;
  };
  before(async () => {
    world = { sandbox: await startAirbyteSandbox(sandboxOptions), database: await freshDatabase() };
  });
  afterEach(stopReplicas);
  after(async () => {
    await world?.sandbox.close();
    await world?.database.drop();
  });
  return {
    sandbox: () => started().sandbox,
    database: () => started().database,
    replica: (env = {}) => startReplica(started().sandbox, started().database, { ...defaults, ...env }),
  };
};

/** Asks `url` until it answers `status` (the server's own state changes in the background); its body. */
export const untilAnswers = async (url: string, status: number): Promise<Record<string, unknown>> => {
  for (;;) {
    const answer = await send(url);
    if (answer.status === status) return answer.json as Record<string, unknown>;
    await sleep(20);
  }
};

/** How many `method path` calls the sandbox holds in flight (received, not answered yet). */
export const inFlight = (
  sandbox: Pick<AirbyteSandbox, 'calls'>,
  method: string,
  path: string,
): ReadonlyArray<unknown> =>
  sandbox.calls().filter((c) => c.method === method && c.path === path && c.status === undefined);

/**
 * Holds the next `times` source creations (`Infinity`: every one) in flight far longer than any grace
 * period, Airbyte timeout or test; `sourceCreationsInFlight` waits until they are, `releaseDelays` ends them.
 */
export const holdSourceCreations = (sandbox: Pick<AirbyteSandbox, 'inject'>, times: number): void =>
  sandbox.inject({
    match: { method: 'POST', path: '/sources', times },
    action: { type: 'delay', ms: 600_000 },
  });

/** Resolves once the sandbox holds `count` (default 1) source creations in flight. */
export const sourceCreationsInFlight = async (
  sandbox: Pick<AirbyteSandbox, 'calls'>,
  count = 1,
): Promise<void> => {
  while (inFlight(sandbox, 'POST', '/sources').length < count) await sleep(10);
};

/**
 * Polls a provisioning token until it leaves RUNNING, as the coordinator does: the last body, with `seen`,
 * every status answered on the way, in order, each once.
 */
export const finalStatus = async (base: string, token: string): Promise<Record<string, unknown>> => {
  const seen = new Set<string>();
  for (;;) {
    const answer = await send(`${base}${LEGACY}/provision/${token}/status`);
    expect(answer.status, answer.text).to.equal(200);
    const body = answer.json as Record<string, unknown>;
    seen.add(String(body['status']));
    if (body['status'] !== 'RUNNING') return { ...body, seen: [...seen] };
    await sleep(50);
  }
};

/** What `sql` reads from the database at `url`. */
export const query = async <Row extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: ReadonlyArray<unknown> = [],
): Promise<Row[]> => (await withClient(url, (client) => client.query<Row>(sql, [...values]))).rows;

/** Every row of the tasks table as text: what an operator (or an attacker) with the database reads. */
export const taskRows = async (url: string): Promise<string> =>
  (await query<{ dump: string }>(url, 'SELECT row_to_json(t)::text AS dump FROM provisioner_tasks t'))
    .map((r) => r.dump)
    .join('\n');
