/** A bare fetch client for the sandbox tests: every call over a real socket, answers read whole. */
import {
  startAirbyteSandbox,
  type AirbyteSandbox,
  type AirbyteSandboxOptions,
} from '@airbyte-provisioner/adapter-airbyte/sandbox';

/** Parsed JSON when the body is JSON, the text otherwise, undefined when empty; typed by the caller. */
export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** A problem as Airbyte's server writes it: the specific text is in `data`. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly data?: {
    readonly message?: string;
    readonly resourceType?: string;
    readonly resourceId?: string;
    readonly value?: string;
  };
}

/** Micronaut's own error, for a body that does not bind, an unknown path or a wrong method. */
export interface MicronautError {
  readonly message: string;
  readonly _embedded: { readonly errors: ReadonlyArray<{ readonly message: string }> };
}

export const micronautMessages = (body: MicronautError): string =>
  body._embedded.errors.map((e) => e.message).join('; ');

export interface Token {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in: number;
}

interface ActorCommon {
  readonly name: string;
  readonly definitionId: string;
  readonly workspaceId: string;
  readonly configuration: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
}

export interface Source extends ActorCommon {
  readonly sourceId: string;
  readonly sourceType: string;
}

export interface Destination extends ActorCommon {
  readonly destinationId: string;
  readonly destinationType: string;
}

export interface StreamConfiguration {
  readonly name: string;
  readonly syncMode: string;
  readonly cursorField: ReadonlyArray<string>;
  readonly primaryKey: ReadonlyArray<ReadonlyArray<string>>;
}

export interface Connection {
  readonly connectionId: string;
  readonly name: string;
  readonly sourceId: string;
  readonly destinationId: string;
  readonly workspaceId: string;
  readonly status: string;
  readonly schedule: { readonly scheduleType: string; readonly cronExpression?: string };
  readonly namespaceDefinition: string;
  readonly namespaceFormat?: string;
  readonly prefix: string;
  readonly nonBreakingSchemaUpdatesBehavior: string;
  readonly configurations: { readonly streams: ReadonlyArray<StreamConfiguration> };
  readonly createdAt: number;
  readonly tags: ReadonlyArray<unknown>;
}

export interface Job {
  readonly jobId: number;
  readonly status: string;
  readonly jobType: string;
  readonly startTime: string;
  readonly connectionId: string;
  readonly lastUpdatedAt?: string;
  readonly duration?: string;
}

export interface StreamProperties {
  readonly streamName: string;
  readonly syncModes: ReadonlyArray<string>;
  readonly defaultCursorField: ReadonlyArray<string>;
  readonly sourceDefinedCursorField: boolean;
  readonly sourceDefinedPrimaryKey: ReadonlyArray<ReadonlyArray<string>>;
  readonly propertyFields: ReadonlyArray<ReadonlyArray<string>>;
}

export interface Page<T> {
  readonly data: ReadonlyArray<T>;
  /** `""` on an empty page. */
  readonly next: string;
  /** `""` at offset 0. */
  readonly previous: string;
}

export interface CallOptions {
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
  readonly rawBody?: string;
  readonly signal?: AbortSignal;
}

export const call = async <T = unknown>(
  sandbox: Pick<AirbyteSandbox, 'url'>,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions & { readonly defaultToken?: string } = {},
): Promise<Answer<T>> => {
  const token = options.token === undefined ? options.defaultToken : options.token;
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      ...(token === undefined || token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined && options.rawBody === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : body === undefined
        ? {}
        : { body: JSON.stringify(body) }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
  const parsed: unknown = json ? JSON.parse(text) : text === '' ? undefined : text;
  return { status: response.status, headers: response.headers, body: parsed as T };
};

export const fetchToken = async (
  sandbox: Pick<AirbyteSandbox, 'url'>,
  credentials: { readonly clientId: string; readonly clientSecret: string },
): Promise<string> => {
  const answer = await call<Token>(sandbox, 'POST', '/applications/token', {
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    grant_type: 'client_credentials',
  });
  if (answer.status !== 200) throw new Error(`token request answered ${answer.status}`);
  return answer.body.access_token;
};

export interface Session {
  readonly sandbox: AirbyteSandbox;
  readonly token: string;
  readonly api: <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options?: CallOptions,
  ) => Promise<Answer<T>>;
}

export const openSession = async (options: AirbyteSandboxOptions = {}): Promise<Session> => {
  const sandbox = await startAirbyteSandbox(options);
  const token = await fetchToken(sandbox, sandbox.credentials);
  return {
    sandbox,
    token,
    api: <T = unknown>(method: string, path: string, body?: unknown, callOptions: CallOptions = {}) =>
      call<T>(sandbox, method, path, body, { ...callOptions, defaultToken: token }),
  };
};

export const fileSourceBody = (workspaceId: string, overrides: Record<string, unknown> = {}) => ({
  name: 'orders-file',
  workspaceId,
  configuration: {
    sourceType: 'file',
    dataset_name: 'orders',
    format: 'csv',
    url: 'https://example.com/orders.csv',
    provider: { storage: 'HTTPS', user_agent: false },
  },
  ...overrides,
});

export const snowflakeBody = (workspaceId: string, overrides: Record<string, unknown> = {}) => ({
  name: 'warehouse',
  workspaceId,
  configuration: {
    destinationType: 'snowflake',
    host: 'acme.snowflakecomputing.com',
    role: 'LOADER',
    warehouse: 'WH',
    database: 'DB',
    schema: 'PUBLIC',
    username: 'loader',
    credentials: { auth_type: 'Username and Password', password: 'hunter2' },
  },
  ...overrides,
});

/** A File source, a Snowflake destination and a connection between them; their ids. */
export const createPipeline = async (
  session: Session,
  connection: Record<string, unknown> = {},
): Promise<{ sourceId: string; destinationId: string; connectionId: string }> => {
  const source = await session.api<Source>('POST', '/sources', fileSourceBody(session.sandbox.workspaceId));
  const destination = await session.api<Destination>(
    'POST',
    '/destinations',
    snowflakeBody(session.sandbox.workspaceId),
  );
  const created = await session.api<Connection>('POST', '/connections', {
    sourceId: source.body.sourceId,
    destinationId: destination.body.destinationId,
    ...connection,
  });
  if (created.status !== 200)
    throw new Error(`connection create answered ${created.status}: ${JSON.stringify(created.body)}`);
  return {
    sourceId: source.body.sourceId,
    destinationId: destination.body.destinationId,
    connectionId: created.body.connectionId,
  };
};
