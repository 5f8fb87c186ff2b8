/**
 * Test harness: the app over a real socket, backed by the real core use cases and the core's in-memory
 * fake Airbyte. Every response body is recorded so one test can check them all against the OpenAPI document.
 */
import { makeUseCases, witboostExampleDescriptor } from '@airbyte-provisioner/core';
import { makeTestDeps, type TestDeps } from '@airbyte-provisioner/core/testing';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { createHttpApp, createMetrics, startHttpServer, type HttpAppOptions } from '../src/index.js';

export interface RecordedResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

export const recorded: RecordedResponse[] = [];

export interface Harness {
  readonly url: string;
  readonly deps: TestDeps;
  readonly logLines: string[];
  readonly call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; headers: Headers; body: unknown; text: string }>;
  readonly close: () => Promise<void>;
}

export const startHarness = async (
  options: Partial<Omit<HttpAppOptions, 'useCases' | 'logger'>> = {},
): Promise<Harness> => {
  const deps = makeTestDeps({
    profiles: {
      sources: {},
      destinations: {
        snowflake: {
          enforced: { host: 'acme.snowflakecomputing.com', credentials: { password: 'sn0w-s3cret' } },
          defaults: {},
        },
      },
    },
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const app = createHttpApp({
    useCases: makeUseCases(deps),
    provisionMode: 'async',
    logger: pino({ level: 'debug' }, sink),
    metrics: createMetrics(),
    ...options,
  });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  const call: Harness['call'] = async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json', ...headers };
    }
    const response = await fetch(`${server.url}${path}`, init);
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const parsed: unknown = contentType.includes('json') ? JSON.parse(text) : text;
    recorded.push({ method, path, status: response.status, contentType, body: parsed });
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
  return { url: server.url, deps, logLines, call, close: server.close };
};

export const exampleRequest = (overrides: Record<string, unknown> = {}) => ({
  descriptorKind: 'COMPONENT_DESCRIPTOR',
  descriptor: witboostExampleDescriptor,
  ...overrides,
});

export const legacy = '/datamesh.airbytespecificprovisioner/0.0';

/** Polls a status route until it leaves RUNNING. */
export const waitForStatus = async (
  harness: Harness,
  path: string,
): Promise<{ status: number; body: unknown }> => {
  for (let i = 0; i < 200; i++) {
    const answer = await harness.call('GET', path);
    if ((answer.body as { status?: string }).status !== 'RUNNING') return answer;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${path} stayed RUNNING`);
};
