/**
 * The reliability suite's server: built the way `serve` builds it (config → container with the HTTP module
 * → Koa app on a real socket), with the real packages behind it. Only the pino destination differs: log
 * lines are kept in memory so the secret-hygiene test can read them.
 */
import 'reflect-metadata';
import { Writable } from 'node:stream';
import * as E from 'fp-ts/lib/Either.js';
import { packageCollaborators } from '../../src/collaborators/load-collaborators.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { buildContainer } from '../../src/container/build-container.js';
import { httpModule } from '../../src/container/http.module.js';
import { resolve } from '../../src/container/resolve.js';
import { HttpAppToken, PinoLoggerToken } from '../../src/container/tokens.js';
import { makePinoLogger } from '../../src/node/pino-logger.js';

export const LEGACY = '/datamesh.airbytespecificprovisioner/0.0';

export interface Provisioner {
  readonly url: string;
  /** Every log line written so far (JSON text), when capture was asked for. */
  readonly logs: string[];
  readonly close: () => Promise<void>;
}

export const configFrom = (env: Record<string, string>): AppConfig => {
  const loaded = loadConfig({
    env: { LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...env },
    readTextFile: () => E.left('no file in these tests'),
  });
  if (E.isLeft(loaded)) throw new Error(`bad test config: ${JSON.stringify(loaded.left)}`);
  return loaded.right;
};

/**
 * For tests of a call held past the client's timeout (a `delay` fault): it gives up quickly. A stalled
 * machine can make an ordinary call outlive it too, so no other test uses it.
 */
export const SHORT_TIMEOUT_MS = 300;
/**
 * A client timeout no ordinary call reaches, even on a loaded machine. With the short one, a CPU stall can
 * make an ordinary call time out: the client sends it again, and a one-shot fault is used up by the attempt
 * whose answer nobody reads, so the fault a test injected never reaches the provisioner.
 */
export const STEADY_TIMEOUT_MS = 5000;

/**
 * The Airbyte variables for a sandbox (or any URL). The timeout is one no ordinary call reaches unless
 * asked otherwise: a test that holds a call on purpose (a `delay` fault) asks for `SHORT_TIMEOUT_MS`.
 */
export const airbyteEnv = (
  apiUrl: string,
  workspaceId: string,
  credentials: { readonly clientId: string; readonly clientSecret: string },
  timeoutMs: number = STEADY_TIMEOUT_MS,
): Record<string, string> => ({
  AIRBYTE_API_URL: apiUrl,
  AIRBYTE_WORKSPACE_ID: workspaceId,
  AIRBYTE_CLIENT_ID: credentials.clientId,
  AIRBYTE_CLIENT_SECRET: credentials.clientSecret,
  AIRBYTE_TIMEOUT_MS: String(timeoutMs),
  SNOWFLAKE_HOST: 'acme.snowflakecomputing.com',
  SNOWFLAKE_ROLE: 'LOADER',
  SNOWFLAKE_WAREHOUSE: 'WH',
  SNOWFLAKE_USER: 'LOADER_USER',
  SNOWFLAKE_PASSWORD: 'sn0wflake-Pa55word-from-config',
});

export const startProvisioner = async (
  env: Record<string, string>,
  options: { readonly captureLogs?: boolean } = {},
): Promise<Provisioner> => {
  const config = configFrom(options.captureLogs === true ? { ...env, LOG_LEVEL: 'trace' } : env);
  const container = await buildContainer(packageCollaborators, config, { logFd: 1 }, [httpModule()]);
  const logs: string[] = [];
  if (options.captureLogs === true) {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    });
    // the CLI's logger, at the config's level (trace, set above); only where the lines go differs
    container
      .rebind(PinoLoggerToken)
      .toConstantValue(makePinoLogger({ level: config.logLevel, destination: sink }));
  }
  const http = await packageCollaborators.startHttpServer(resolve(container, HttpAppToken), {
    port: 0,
    host: '127.0.0.1',
  });
  return { url: http.url, logs, close: () => http.close() };
};

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

export const send = async (
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> => {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
};

/** The token of a 202: the 2.2.0 routes send it bare, others as a JSON string. */
export const tokenOf = (answer: Answer): string =>
  typeof answer.json === 'string' ? answer.json : answer.text;

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls a provisioning token until it leaves RUNNING; fails the test past the deadline (stuck RUNNING). */
export const pollStatus = async (
  base: string,
  token: string,
  deadlineMs = 8000,
): Promise<{ status: string; result?: string; body: Record<string, unknown> }> => {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const answer = await send(`${base}${LEGACY}/provision/${token}/status`);
    if (answer.status !== 200) throw new Error(`status answered ${answer.status}: ${answer.text}`);
    const body = answer.json as Record<string, unknown>;
    if (body['status'] !== 'RUNNING')
      return {
        status: String(body['status']),
        ...(typeof body['result'] === 'string' ? { result: body['result'] } : {}),
        body,
      };
    if (Date.now() > until) throw new Error(`task ${token} still RUNNING after ${deadlineMs} ms`);
    await sleep(5);
  }
};

/**
 * Waits until the sandbox has finished every call it received (its call log records a status once a
 * handler has run, whether or not the client still listens): a create held past the client's timeout
 * has then landed. Waiting on that record, not on a guessed sleep, keeps the tests right under load.
 */
export const untilSandboxSettled = async (
  sandbox: { readonly calls: () => ReadonlyArray<{ readonly status?: number }> },
  limitMs = 15_000,
): Promise<void> => {
  const started = Date.now();
  while (sandbox.calls().some((call) => call.status === undefined)) {
    if (Date.now() - started > limitMs)
      throw new Error(`the sandbox still had calls in flight after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
