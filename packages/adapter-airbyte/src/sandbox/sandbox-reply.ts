/**
 * What a route answers, before the HTTP layer writes it. Errors are RFC 9457 problem details shaped the
 * way Airbyte's public API sends them, e.g. `{"type":"https://reference.airbyte.com/reference/errors",
 * "title":"bad-request","status":400,"detail":"…"}` (quoted in terraform-provider-airbyte issue #73).
 */
export interface SandboxReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const ERRORS_URL = 'https://reference.airbyte.com/reference/errors';

const TITLES: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'resource-not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  415: 'unsupported-media-type',
  422: 'unprocessable-entity',
  500: 'internal-server-error',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problem = (status: number, detail: string): SandboxReply => {
  const title = TITLES[status] ?? 'error';
  return {
    status,
    body: { type: ERRORS_URL, title, status, detail },
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
  };
};

export const ok = (body: unknown): SandboxReply => ({ status: 200, body });

export const noContent: SandboxReply = { status: 204 };
