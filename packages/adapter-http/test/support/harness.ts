/**
 * The app over a real socket on 127.0.0.1:0, called with plain fetch. By default it runs the real core use
 * cases over the core's in-memory fake Airbyte; a test may swap any use case for a hand-written one.
 * Every answer goes through the recorder (checked against the OpenAPI document).
 */
import { Writable } from 'node:stream';
import { makeUseCases, type CoreDeps } from '@airbyte-provisioner/core';
import { makeTestDeps, type TestDeps } from '@airbyte-provisioner/core/testing';
import { pino } from 'pino';
import {
  createHttpApp,
  createMetrics,
  startHttpServer,
  type HttpAppOptions,
  type HttpMetrics,
  type HttpUseCases,
} from '../../src/index.js';
import { recordResponse } from './recorder.js';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

export type RequestBody = string | Uint8Array | ReadableStream<Uint8Array> | object;

export interface Harness {
  readonly url: string;
  /** The core's test dependencies, logging through the app's logger. */
  readonly deps: HarnessDeps;
  readonly metrics: HttpMetrics;
  /** Every log line the app wrote, as parsed JSON. */
  readonly logs: () => ReadonlyArray<Record<string, unknown>>;
  readonly logText: () => string;
  /** A JSON body is sent with `Content-Type: application/json` unless `headers` says otherwise. */
  readonly call: (
    method: string,
    path: string,
    body?: RequestBody,
    headers?: Record<string, string>,
  ) => Promise<Answer>;
  readonly close: () => Promise<void>;
}

export type HarnessDeps = Omit<TestDeps, 'logger'> & CoreDeps;

export interface HarnessOptions extends Partial<Omit<HttpAppOptions, 'useCases' | 'logger'>> {
  readonly useCases?: Partial<HttpUseCases>;
}

const testProfiles = {
  sources: {},
  destinations: {
    snowflake: {
      enforced: { host: 'acme.snowflakecomputing.com', credentials: { password: 'sn0w-s3cret' } },
      defaults: {},
    },
  },
};

/** Secrets of the test setup: they must never appear in a response or a log line. */
export const secrets = ['sn0w-s3cret'];

type FetchBody = NonNullable<RequestInit['body']>;

const toRequestBody = (body: RequestBody): FetchBody =>
  typeof body === 'string' || body instanceof Uint8Array || body instanceof ReadableStream
    ? (body as FetchBody)
    : JSON.stringify(body);

export const startHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  // the core logs through the same logger as the app, as in the composed server
  const deps: HarnessDeps = { ...makeTestDeps({ profiles: testProfiles }), logger };
  const metrics = options.metrics ?? createMetrics();
  const { useCases, ...rest } = options;
  const app = createHttpApp({
    provisionMode: 'async',
    ...rest,
    useCases: { ...makeUseCases(deps), ...useCases },
    logger,
    metrics,
  });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  const call: Harness['call'] = async (method, path, body, headers = {}) => {
    // redirects are answers to check (`/` → `/docs`), not to follow
    const init: RequestInit & { duplex?: 'half' } = { method, headers, redirect: 'manual' };
    if (body !== undefined) {
      init.body = toRequestBody(body);
      init.headers = { 'Content-Type': 'application/json', ...headers };
      if (body instanceof ReadableStream) init.duplex = 'half';
    }
    const response = await fetch(`${server.url}${path}`, init);
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const parsed: unknown = contentType.includes('json') ? JSON.parse(text) : text;
    recordResponse({ method, path, status: response.status, contentType, body: parsed });
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
  return {
    url: server.url,
    deps,
    metrics,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    logText: () => lines.join('\n'),
    call,
    close: server.close,
  };
};
