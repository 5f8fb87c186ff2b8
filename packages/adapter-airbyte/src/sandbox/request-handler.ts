/**
 * The sandbox as a node:http request listener: base path, call log, in-flight count, latency and faults
 * around `dispatch`. Exported so the sandbox can be mounted in another node:http server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@airbyte-provisioner/core';
import { dispatch } from './dispatch.js';
import type { FaultRegistry } from './faults.js';
import { micronautError, problemForStatus, unexpectedProblem, type SandboxReply } from './sandbox-reply.js';
import type { SandboxState } from './sandbox-state.js';
import type { SandboxCall, SandboxFault } from './sandbox.types.js';
import type { Sleeper } from './sleeper.js';

type MutableCall = { -readonly [K in keyof SandboxCall]: SandboxCall[K] };

export interface SandboxControls {
  readonly state: SandboxState;
  readonly basePath: string;
  readonly faults: FaultRegistry;
  readonly sleeper: Sleeper;
  readonly logger: Logger;
  latencyMs: number;
  calls: MutableCall[];
  inFlight: number;
  maxInFlight: number;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const queryRecord = (query: URLSearchParams): Record<string, string | ReadonlyArray<string>> => {
  const record: Record<string, string | ReadonlyArray<string>> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    record[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return record;
};

const send = (response: ServerResponse, reply: SandboxReply): void => {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  headers['content-type'] ??= 'application/json';
  response.writeHead(reply.status, headers).end(text);
};

const MALFORMED: SandboxReply = {
  status: 200,
  body: '{"data": [{"unterminated',
  headers: { 'content-type': 'application/json' },
};

/** What a fault turns the call into: a reply to send instead, a pause before going on, or a dropped socket. */
const applyFault = async (
  controls: SandboxControls,
  fault: SandboxFault,
  reply: SandboxReply | undefined,
): Promise<SandboxReply | 'drop' | undefined> => {
  const action = fault.action;
  switch (action.type) {
    case 'status': {
      const shaped = problemForStatus(action.status, `Injected fault: ${action.status}`);
      return {
        status: action.status,
        body: action.body ?? shaped.body,
        headers: { ...(action.body === undefined ? shaped.headers : {}), ...action.headers },
      };
    }
    case 'connectorFailure':
      // SourceServiceImpl.getSourceSchema when the discover job did not succeed
      return unexpectedProblem(
        `Something went wrong in the connector. logs:${action.message ?? 'the connector failed'}`,
      );
    case 'job':
      // shapes the job the call starts, not the answer (see handle)
      return reply;
    case 'delay':
      await controls.sleeper.sleep(action.ms);
      return reply;
    case 'drop':
      return 'drop';
    case 'malformed':
      return MALFORMED;
  }
};

const handle = async (
  controls: SandboxControls,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const url = new URL(request.url ?? '/', 'http://sandbox');
  const method = (request.method ?? 'GET').toUpperCase();
  const inBase = url.pathname === controls.basePath || url.pathname.startsWith(`${controls.basePath}/`);
  const path = inBase ? url.pathname.slice(controls.basePath.length) || '/' : url.pathname;
  const startedAt = Date.now();
  const call: MutableCall = { method, path, query: queryRecord(url.searchParams), at: startedAt, startedAt };
  controls.calls.push(call);
  const finish = (status: number): void => {
    call.status = status;
    call.finishedAt = Date.now();
    controls.logger.debug({ method, path, status }, 'sandbox call');
  };
  const rawBody = await readBody(request);
  const taken = controls.faults.take(method, path);
  if (taken !== undefined) call.fault = taken.action.type;
  const jobEnds = taken?.action.type === 'job' ? taken.action.ends : undefined;
  const fault = taken?.action.type === 'job' ? undefined : taken;
  await controls.sleeper.sleep(controls.latencyMs);

  let outcome: SandboxReply | 'drop' | undefined;
  if (fault !== undefined && (fault.when ?? 'before') === 'before')
    outcome = await applyFault(controls, fault, undefined);
  if (outcome === undefined) {
    const reply = inBase
      ? dispatch(controls.state, {
          method,
          path,
          query: url.searchParams,
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
          rawBody,
          baseUrl: `http://${request.headers.host ?? 'localhost'}${controls.basePath}`,
          ...(jobEnds === undefined ? {} : { jobEnds }),
        })
      : micronautError(404, 'Page Not Found');
    outcome =
      fault !== undefined && fault.when === 'after' ? await applyFault(controls, fault, reply) : reply;
    outcome ??= reply;
  }
  if (outcome === 'drop') {
    request.socket.destroy();
    finish(0);
    return;
  }
  send(response, outcome);
  finish(outcome.status);
};

export const createSandboxRequestHandler =
  (controls: SandboxControls) =>
  (request: IncomingMessage, response: ServerResponse): void => {
    controls.inFlight += 1;
    controls.maxInFlight = Math.max(controls.maxInFlight, controls.inFlight);
    response.on('close', () => {
      controls.inFlight -= 1;
    });
    handle(controls, request, response).catch((error: unknown) => {
      controls.logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'sandbox handler failed',
      );
      if (!response.headersSent)
        send(response, unexpectedProblem('The sandbox failed to handle the request'));
    });
  };
