/**
 * What a route answers, before the HTTP layer writes it. Errors are shaped as Airbyte's server writes them
 * (airbyte-api/problems-api/src/main/openapi/api-problems.yaml, serialized by airbyte-commons-server
 * AbstractThrowableProblemHandler.handle as `application/json`): a `type` with a fragment, a `title`, a
 * `detail` that is the same generic sentence for every problem of its type, and what went wrong in
 * `data` (`data.message` for most). Bodies the server could not bind are Micronaut's own errors
 * (`{message, _embedded: {errors: [{message}]}}`), not problems.
 */
export interface SandboxReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const ERRORS_URL = 'https://reference.airbyte.com/reference/errors';
const JSON_TYPE = { 'content-type': 'application/json' };

interface ProblemType {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
}

/** The problem types the sandbox answers, with their constants from api-problems.yaml. */
export const PROBLEM_TYPES = {
  badRequest: {
    status: 400,
    type: `${ERRORS_URL}#bad-request`,
    title: 'bad-request',
    detail: 'The request could not be understood by the server due to malformed syntax.',
  },
  unknownValue: {
    status: 400,
    type: ERRORS_URL,
    title: 'value-not-found',
    detail: 'The submitted value could not be found.',
  },
  invalidApiKey: {
    status: 401,
    type: `${ERRORS_URL}#invalid-api-key`,
    title: 'invalid-api-key',
    detail: 'The API key in the Authorization header is invalid.',
  },
  forbidden: {
    status: 403,
    type: `${ERRORS_URL}#forbidden`,
    title: 'forbidden',
    detail: 'The request is forbidden.',
  },
  resourceNotFound: {
    status: 404,
    type: `${ERRORS_URL}#resource-not-found`,
    title: 'resource-not-found',
    detail: 'The requested resource could not be found.',
  },
  stateConflict: {
    status: 409,
    type: `${ERRORS_URL}#409-state-conflict`,
    title: 'state-conflict',
    detail: 'State conflict',
  },
  tryAgainLater: {
    status: 409,
    type: `${ERRORS_URL}#try-again-later`,
    title: 'try-again-later',
    detail: 'Please try again later.',
  },
  unprocessableEntity: {
    status: 422,
    type: `${ERRORS_URL}#unprocessable-entity`,
    title: 'unprocessable-entity',
    detail: 'The body of the request was not understood',
  },
  unexpected: {
    status: 500,
    type: ERRORS_URL,
    title: 'unexpected-problem',
    detail:
      'An unexpected problem has occurred. If this is an error that needs to be addressed, please submit a pull request or github issue.',
  },
  serviceUnavailable: {
    status: 503,
    type: ERRORS_URL,
    title: 'service-unavailable',
    detail: 'The server is currently unable to handle the request.',
  },
} as const satisfies Readonly<Record<string, ProblemType>>;

export type ProblemKind = keyof typeof PROBLEM_TYPES;

const problemOf = (kind: ProblemKind, data?: Readonly<Record<string, string>>): SandboxReply => {
  const { status, type, title, detail } = PROBLEM_TYPES[kind];
  return {
    status,
    body: { status, type, title, detail, ...(data === undefined ? {} : { data }) },
    headers: JSON_TYPE,
  };
};

/** BadRequestProblem(ProblemMessageData): a rule of the public API refused the request. */
export const badRequest = (message: string): SandboxReply => problemOf('badRequest', { message });

/** UnknownValueProblem(ProblemValueData): e.g. a `sourceType` no definition is known by. */
export const unknownValue = (value: string): SandboxReply => problemOf('unknownValue', { value });

export const invalidApiKey = (): SandboxReply => problemOf('invalidApiKey');

export const forbidden = (message: string): SandboxReply => problemOf('forbidden', { message });

/** ResourceNotFoundProblem(ProblemResourceData): no message, only what was not found. */
export const resourceNotFound = (resourceType: string, resourceId: string): SandboxReply =>
  problemOf('resourceNotFound', { resourceType, resourceId });

/** StateConflictProblem: what ConfigClientErrorHandler makes of a ConflictException or IllegalStateException. */
export const stateConflict = (message: string): SandboxReply => problemOf('stateConflict', { message });

/** TryAgainLaterConflictProblem: what it makes of a ValueConflictKnownException (a sync already running). */
export const tryAgainLater = (message: string): SandboxReply => problemOf('tryAgainLater', { message });

/**
 * UnprocessableEntityProblem: a configuration that fails its connector's spec (JsonValidationException,
 * its message cut before "\nSchema:"), or, without a message, a body the API cannot map.
 */
export const unprocessableEntity = (message?: string): SandboxReply =>
  problemOf('unprocessableEntity', message === undefined ? undefined : { message });

export const unexpectedProblem = (message: string): SandboxReply => problemOf('unexpected', { message });

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  415: 'Unsupported Media Type',
};

/**
 * Micronaut's own error body, for what never reaches a controller: an unknown path, a method a path does
 * not take, a body that does not bind to the request model (invalid JSON, a required field missing, a
 * value of the wrong type or outside an enum).
 */
export const micronautError = (status: number, message: string): SandboxReply => ({
  status,
  body: { message: REASONS[status] ?? 'Error', _embedded: { errors: [{ message }] } },
  headers: JSON_TYPE,
});

/** The body the server would send with an injected status: its problem for that status, if it has one. */
export const problemForStatus = (status: number, message: string): SandboxReply => {
  const kind = (Object.keys(PROBLEM_TYPES) as ProblemKind[]).find((k) => PROBLEM_TYPES[k].status === status);
  if (kind === undefined) return micronautError(status, message);
  const reply = problemOf(kind, { message });
  // the 401 problem has no data; an injected status keeps its own
  return kind === 'invalidApiKey' ? problemOf(kind) : reply;
};

export const ok = (body: unknown): SandboxReply => ({ status: 200, body });

export const noContent: SandboxReply = { status: 204 };

/** The connector-spec failure as JsonSchemaValidator.ensure words it (cut before "\nSchema:"). */
export const connectorSpecMessage = (errors: ReadonlyArray<string>): string =>
  `json schema validation failed when comparing the data to the json schema. \nErrors: ${errors.join(', ')} `;
