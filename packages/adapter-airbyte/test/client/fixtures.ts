/** Shared set-up for the gateway's nock tests: a fake clock, recorded sleeps, a captured log. */
import type { Logger } from '@airbyte-provisioner/core';
import type * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import nock from 'nock';
import {
  makeAirbytePublicApiGateway,
  type AirbyteCallEvent,
  type AirbytePublicApiGateway,
  type AirbyteGatewayOptions,
} from '../../src/index.js';

export const ORIGIN = 'http://airbyte.test';
export const PREFIX = '/api/public/v1';
export const BASE_URL = `${ORIGIN}${PREFIX}`;
export const WS = '11111111-1111-4111-8111-111111111111';
export const OTHER_WS = '99999999-9999-4999-8999-999999999999';
export const SOURCE_ID = '22222222-2222-4222-8222-222222222222';
export const DEST_ID = '33333333-3333-4333-8333-333333333333';
export const CONN_ID = '44444444-4444-4444-8444-444444444444';
export const FILE_DEF = '778daa7c-feaf-4db6-96f3-70fd645acc77';
export const SNOWFLAKE_DEF = '424892c4-daac-4491-b35d-c6688ba547ba';
export const TOKEN = 'static-token-abc';
export const NOW = Date.parse('2026-11-28T12:00:00Z');

export interface LogLine {
  readonly level: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly message: string;
}

export interface Harness {
  readonly gateway: AirbytePublicApiGateway;
  readonly sleeps: number[];
  readonly logs: LogLine[];
  readonly calls: AirbyteCallEvent[];
  readonly clock: { now: number };
}

export const captureLogger = (logs: LogLine[]): Logger => {
  const at =
    (level: string) =>
    (fields: Readonly<Record<string, unknown>>, message: string): void => {
      logs.push({ level, fields, message });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
};

/** A gateway with a fake clock whose sleeps advance the clock and are recorded, never waited. */
export const harness = (overrides: Partial<AirbyteGatewayOptions> = {}): Harness => {
  const sleeps: number[] = [];
  const logs: LogLine[] = [];
  const calls: AirbyteCallEvent[] = [];
  const clock = { now: NOW };
  const gateway = makeAirbytePublicApiGateway({
    baseUrl: BASE_URL,
    workspaceId: WS,
    auth: { type: 'bearer', token: TOKEN },
    logger: captureLogger(logs),
    onCall: (e) => calls.push(e),
    sleep: (ms) => {
      sleeps.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
    now: () => clock.now,
    ...overrides,
  });
  return { gateway, sleeps, logs, calls, clock };
};

interface SeenRequest {
  readonly method: string;
  readonly contentType: string | undefined;
  readonly body: string;
}
const seen: SeenRequest[] = [];

/**
 * The scope every test intercepts, with the headers every authorized call must carry. Each request it
 * answers is recorded, and checked after the test: a JSON body with its content type on writes, no body
 * and no content type on reads and deletes.
 */
export const airbyte = (authorization = `Bearer ${TOKEN}`) => {
  const scope = nock(ORIGIN, { reqheaders: { authorization, accept: 'application/json' } });
  scope.on(
    'request',
    (req: { method: string; headers: Record<string, string | undefined> }, _i, body: string) => {
      seen.push({ method: req.method, contentType: req.headers['content-type'], body });
    },
  );
  return scope;
};

const checkSeenRequests = (): void => {
  for (const request of seen.splice(0)) {
    const write = ['POST', 'PUT', 'PATCH'].includes(request.method);
    const expected = write
      ? { method: request.method, contentType: 'application/json', body: 'JSON' }
      : { method: request.method, contentType: undefined, body: '' };
    const actual = {
      method: request.method,
      contentType: request.contentType,
      body: write && request.body.startsWith('{') ? 'JSON' : request.body,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      throw new Error(`malformed request ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
};

/** A network failure as Node reports it (an Error with a code), for nock's replyWithError. */
export const networkFailure = (code: string, message = `${code} (simulated)`): Error =>
  Object.assign(new Error(message), { code });

export const run = <L, A>(te: TaskEither<L, A>): Promise<E.Either<L, A>> => te();

export const setUpNock = (): void => {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    checkSeenRequests();
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    if (pending.length > 0) throw new Error(`unused interceptors: ${pending.join(', ')}`);
  });
};

export const sourceResponse = (overrides: Record<string, unknown> = {}) => ({
  sourceId: SOURCE_ID,
  name: 'orders-file',
  sourceType: 'file',
  definitionId: FILE_DEF,
  workspaceId: WS,
  configuration: {
    dataset_name: 'orders',
    format: 'csv',
    url: 'https://example.com/orders.csv',
    provider: { storage: 'HTTPS', user_agent: false },
  },
  createdAt: Math.floor(NOW / 1000) - 3600,
  ...overrides,
});

export const destinationResponse = (overrides: Record<string, unknown> = {}) => ({
  destinationId: DEST_ID,
  name: 'orders-snowflake',
  destinationType: 'snowflake',
  definitionId: SNOWFLAKE_DEF,
  workspaceId: WS,
  configuration: {
    host: 'acme.snowflakecomputing.com',
    database: 'SALES',
    schema: 'ORDERS',
    credentials: { auth_type: 'Username and Password', password: '**********' },
  },
  createdAt: Math.floor(NOW / 1000) - 3600,
  ...overrides,
});

export const connectionResponse = (overrides: Record<string, unknown> = {}) => ({
  connectionId: CONN_ID,
  name: 'orders-pipeline',
  sourceId: SOURCE_ID,
  destinationId: DEST_ID,
  workspaceId: WS,
  status: 'active',
  schedule: { scheduleType: 'manual' },
  configurations: { streams: [{ name: 'orders', syncMode: 'full_refresh_overwrite' }] },
  namespaceDefinition: 'destination',
  prefix: '',
  nonBreakingSchemaUpdatesBehavior: 'ignore',
  createdAt: Math.floor(NOW / 1000) - 3600,
  tags: [],
  ...overrides,
});
