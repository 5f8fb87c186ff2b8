/**
 * What the OpenAPI document says about each route beyond its shape: a Markdown description, what its own
 * error answers mean (a 400 of the status route is an unknown token, not an invalid descriptor), and one
 * example request and answer. `annotateOperations` merges them into the document's operations; the docs
 * page renders them, and a test checks each example against the route's schemas.
 */

/** An example exchange: the request body (absent for GET) and the documented answer it gets. */
export interface RouteExample {
  readonly request?: unknown;
  readonly answer: { readonly status: string; readonly body: unknown };
}

export interface RouteNote {
  readonly description: string;
  /** Status → what this answer means for this route (replaces the shared wording). */
  readonly errors: Readonly<Record<string, string>>;
  readonly example: RouteExample;
}

const descriptor = [
  'dataProduct:',
  '  id: urn:dmb:dp:healthcare:vaccinations:0',
  '  name: Vaccinations',
  '  domain: healthcare',
  '  environment: development',
  '  version: 0.1.0',
  '  components:',
  '    - kind: workload',
  '      id: urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload',
  '      name: Airbyte Workload',
  '      useCaseTemplateId: urn:dmb:utm:airbyte-standard:0.0.0',
  '      infrastructureTemplateId: urn:dmb:itm:airbyte-provisioner:0',
  '      specific:',
  '        source:',
  '          name: healthcare.vaccinations.0.File',
  '          connectionConfiguration:',
  '            url: https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv',
  '            format: csv',
  '            provider: { storage: HTTPS, user_agent: false }',
  '            dataset_name: epidemiology',
  '        destination:',
  '          name: healthcare.vaccinations.0.Snowflake',
  '          connectionConfiguration: { database: HEALTHCARE, schema: VACCINATIONS_0 }',
  '        connection:',
  '          name: healthcare.vaccinations.0.File-to-Snowflake',
  'componentIdToProvision: urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload',
  '',
].join('\n');

const provisioningRequest = { descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor };

// answers as the provisioner gives them (recorded from `serve --sandbox`, timestamps fixed)
const exampleToken = '97d80a82-c6ab-429f-a5fa-aa7375bab569';

const deployed = {
  status: 'COMPLETED',
  result:
    'Deployed Airbyte connection "healthcare.vaccinations.0.File-to-Snowflake" (61a42b88-c084-45aa-b4ec-053e14a20cf6) from source "healthcare.vaccinations.0.File" to destination "healthcare.vaccinations.0.Snowflake"',
  info: {
    publicInfo: {
      connectionName: {
        type: 'string',
        label: 'Connection',
        value: 'healthcare.vaccinations.0.File-to-Snowflake',
      },
      sourceName: {
        type: 'string',
        label: 'Source',
        value: 'healthcare.vaccinations.0.File',
      },
      destinationName: {
        type: 'string',
        label: 'Destination',
        value: 'healthcare.vaccinations.0.Snowflake',
      },
      destinationDatabase: {
        type: 'string',
        label: 'Destination database',
        value: 'HEALTHCARE',
      },
      destinationSchema: {
        type: 'string',
        label: 'Destination schema',
        value: 'VACCINATIONS_0',
      },
      streams: {
        type: 'string',
        label: 'Streams',
        value: 'epidemiology',
      },
      schedule: {
        type: 'string',
        label: 'Schedule',
        value: 'manual',
      },
    },
    privateInfo: {
      airbyte: {
        workspaceId: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
        sourceId: '63fc05f9-e9ce-45d5-930b-773e7f589c79',
        destinationId: '9863e356-e870-4e83-8ab7-1b1c6c8f9174',
        destinationFingerprint:
          'hmac-sha256:8e8d56749f43603e19795e4daa639f9f188ae08113d5d9ff5cab868609f96d89',
        connectionId: '61a42b88-c084-45aa-b4ec-053e14a20cf6',
      },
    },
  },
  logs: [
    {
      timestamp: '2026-12-02T10:15:00.000Z',
      level: 'INFO',
      message: 'Created source "healthcare.vaccinations.0.File" (63fc05f9-e9ce-45d5-930b-773e7f589c79)',
      phase: 'source',
    },
    {
      timestamp: '2026-12-02T10:15:00.000Z',
      level: 'INFO',
      message:
        'Created destination "healthcare.vaccinations.0.Snowflake" (9863e356-e870-4e83-8ab7-1b1c6c8f9174)',
      phase: 'destination',
    },
    {
      timestamp: '2026-12-02T10:15:00.000Z',
      level: 'INFO',
      message: 'Discovered 1 stream(s): epidemiology',
      phase: 'connection',
    },
    {
      timestamp: '2026-12-02T10:15:00.000Z',
      level: 'INFO',
      message:
        'Created connection "healthcare.vaccinations.0.File-to-Snowflake" (61a42b88-c084-45aa-b4ec-053e14a20cf6) with streams epidemiology',
      phase: 'connection',
    },
  ],
};

const undeployed = {
  status: 'COMPLETED',
  result: 'Removed Airbyte connection "healthcare.vaccinations.0.File-to-Snowflake" and its resources',
  info: {
    publicInfo: {},
    privateInfo: {},
  },
  logs: [
    {
      timestamp: '2026-12-02T10:20:00.000Z',
      level: 'INFO',
      message:
        'Deleted connection "healthcare.vaccinations.0.File-to-Snowflake" (61a42b88-c084-45aa-b4ec-053e14a20cf6)',
      phase: 'connection',
    },
    {
      timestamp: '2026-12-02T10:20:00.000Z',
      level: 'INFO',
      message: 'Deleted source "healthcare.vaccinations.0.File" (63fc05f9-e9ce-45d5-930b-773e7f589c79)',
      phase: 'source',
    },
    {
      timestamp: '2026-12-02T10:20:00.000Z',
      level: 'INFO',
      message:
        'Deleted destination "healthcare.vaccinations.0.Snowflake" (9863e356-e870-4e83-8ab7-1b1c6c8f9174)',
      phase: 'destination',
    },
  ],
};

const provisionInfo = { request: descriptor, result: JSON.stringify(deployed) };

const aclDone = {
  status: 'COMPLETED',
  result: 'Access list accepted: Airbyte workloads hold no data access to grant',
  info: {
    publicInfo: {},
    privateInfo: {},
  },
  logs: [
    {
      timestamp: '2026-12-02T10:25:00.000Z',
      level: 'INFO',
      message: 'Airbyte workloads hold no data access to grant; nothing to do for user:jane.doe_example.com',
      phase: 'updateacl',
    },
  ],
};

/** An imported connection, as the reverse provisioning status route answers it (ids shortened). */
const imported = {
  status: 'COMPLETED',
  updates: {
    'spec.mesh.specific.source': {
      name: 'healthcare.vaccinations.0.File',
      sourceType: 'file',
      connectionConfiguration: {
        url: 'https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv',
        format: 'csv',
        provider: { storage: 'HTTPS', user_agent: false },
        dataset_name: 'epidemiology',
      },
    },
    'spec.mesh.specific.destination': {
      name: 'healthcare.vaccinations.0.Snowflake',
      destinationType: 'snowflake',
      connectionConfiguration: { database: 'HEALTHCARE', schema: 'VACCINATIONS_0' },
    },
    'spec.mesh.specific.connection': {
      name: 'healthcare.vaccinations.0.File-to-Snowflake',
      status: 'active',
      schedule: { scheduleType: 'manual' },
    },
    'spec.mesh.specific.adopt': {
      workspaceId: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
      sourceId: '63fc05f9-e9ce-45d5-930b-773e7f589c79',
      destinationId: '9863e356-e870-4e83-8ab7-1b1c6c8f9174',
      connectionId: '61a42b88-c084-45aa-b4ec-053e14a20cf6',
      sourceFingerprint: 'adopted-from-airbyte',
      destinationFingerprint: 'adopted-from-airbyte',
    },
  },
  logs: [
    {
      timestamp: '2026-12-02T10:30:00.000Z',
      level: 'INFO',
      message:
        'Imported connection "healthcare.vaccinations.0.File-to-Snowflake" (61a42b88-c084-45aa-b4ec-053e14a20cf6) with its source and destination; the next provision of this component adopts them (spec.mesh.specific.adopt)',
      phase: 'reverse',
    },
  ],
};

const validateNote: RouteNote = {
  description:
    'Checks the descriptor the way `provision` would, **without calling Airbyte**: every problem at once, each with its dot path (`dataProduct.components[0].specific.source.name: is required`).',
  errors: {
    '400':
      'The body is no `ProvisioningRequest` (not JSON, a missing `descriptor`, an unknown `descriptorKind`). An invalid *descriptor* is not an error: it answers 200 with `valid: false`.',
    '500': 'An unexpected failure of the provisioner itself (validation calls no other service).',
  },
  example: { request: provisioningRequest, answer: { status: '200', body: { valid: true } } },
};

const provisionNote: RouteNote = {
  description: [
    'Makes Airbyte hold exactly the **source, destination and connection** the component declares: creates what is missing, updates what changed in place, replaces only what Airbyte cannot update (the logs say so). An unchanged descriptor makes no write call.',
    '',
    'In `async` mode (the default) the answer is `202` with a token for the status route; in `sync` mode, `200` with the final status.',
    '',
    "With `syncOnProvision` in the component's connection, a sync job is started after the deploy (its id in `privateInfo`, a link in `publicInfo`); with `waitForSync`, the task stays `RUNNING` until the job ends, showing its progress on the status route, and a job that fails, is cancelled or outlasts `syncTimeoutSeconds` makes it `FAILED`.",
  ].join('\n'),
  errors: {
    '400':
      'The request or the descriptor is invalid: `errors` lists every problem with its dot path, `inputErrorField` the first. Nothing was sent to Airbyte.',
    '500':
      'Airbyte failed (unreachable, timed out, refused the credentials or the configuration: its message is in `userMessage`), or a declared name is ambiguous in Airbyte. In async mode the same failures come as a `FAILED` status instead.',
  },
  example: { request: provisioningRequest, answer: { status: '200', body: deployed } },
};

const unprovisionNote: RouteNote = {
  description:
    "Deletes the component's connection, then its source and destination unless another component's connection still uses them. Deleting what is already gone is success. With `removeData: true`, an Airbyte `clear` job first removes the data the connection synced, and the deletion waits for it to succeed (a clear that fails keeps the connection, so asking again clears again); the logs say so.\n\nWith `AIRBYTE_ACL_MODE=workspace-role`, the access updateacl gave through this component is released once the pipeline is removed: a grant this provisioner made is revoked unless another component still needs it (kept, and the logs name that component); one changed or made by hand is left alone. If that part fails, the answer is a failure saying the pipeline was removed but access could not be released; sending the unprovision again once the cause is fixed releases what is left.",
  errors: {
    '400': 'The request or the descriptor is invalid: `errors` lists every problem with its dot path.',
    '500':
      'Airbyte failed while reading or deleting, or (with `workspace-role`) while releasing access after the pipeline was removed (its message is in `userMessage`); in async mode, a `FAILED` status instead. Sending it again is safe.',
  },
  example: { request: provisioningRequest, answer: { status: '200', body: undeployed } },
};

const statusNote: RouteNote = {
  description:
    'The state of a task handed out with `202`: `RUNNING`, then `COMPLETED` or `FAILED` with `result`, `info` and `logs`. Tasks are kept `TASK_TTL_SECONDS` after they end.\n\nWhile a provision waits for its sync job (`waitForSync`), `RUNNING` carries the progress so far: `logs` (the job started, with its link in the Airbyte UI, then each change of its status, rows or bytes; the last 50 entries) and the latest of them in `result`. A job that did not succeed is `FAILED` with its status, duration, rows and bytes, and its link: the reason is only in the Airbyte UI, since the public API does not give it.',
  errors: {
    '400':
      'The token is unknown or expired (or was handed out by a process that has restarted, without a database).',
    '500': 'The stored task could not be read.',
  },
  example: { answer: { status: '200', body: deployed } },
};

const updateAclNote = (request: unknown): RouteNote => ({
  description: [
    'With `AIRBYTE_ACL_MODE=off` (the default) no Airbyte access is managed: the answer is `COMPLETED` with a log entry saying so.',
    '',
    'With `AIRBYTE_ACL_MODE=workspace-role`, the users (`user:john.doe_example.com` is `john.doe@example.com`) and groups listed are the whole set holding `AIRBYTE_ACL_ROLE` on the Airbyte workspace through this component: every ref is resolved first, missing grants are made, and grants this provisioner made are revoked once no component lists them (a grant made by hand, or changed since, is left alone). The legacy route answers at once; `/v1/updateacl` answers `202` with a token in async mode, polled on `/v1/provision/{token}/status`.',
  ].join('\n'),
  errors: {
    '400':
      'The body lacks the access list or `provisionInfo`, or `provisionInfo.request` is not a valid descriptor; with `workspace-role`, a ref names no Airbyte user or group, or several (each one listed; nothing was changed).',
    '500':
      'Airbyte failed, or (with `workspace-role`) this Airbyte edition has no role-based access; in async mode, a `FAILED` status instead.',
  },
  example: { request, answer: { status: '200', body: aclDone } },
});

/** The plan of the example descriptor on an empty workspace, as `POST /v1/plan` answers it. */
const firstPlan = {
  changesPending: true,
  changes: [
    {
      kind: 'source',
      name: 'healthcare.vaccinations.0.File',
      action: 'create',
      values: [
        { path: 'connector', value: 'file' },
        {
          path: 'configuration.url',
          value: 'https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv',
        },
        { path: 'configuration.format', value: 'csv' },
        { path: 'configuration.provider.storage', value: 'HTTPS' },
        { path: 'configuration.provider.user_agent', value: false },
        { path: 'configuration.dataset_name', value: 'epidemiology' },
      ],
    },
    {
      kind: 'destination',
      name: 'healthcare.vaccinations.0.Snowflake',
      action: 'create',
      values: [
        { path: 'connector', value: 'snowflake' },
        { path: 'configuration.database', value: 'HEALTHCARE' },
        { path: 'configuration.schema', value: 'VACCINATIONS_0' },
        { path: 'configuration.host', value: 'acme-eu.snowflakecomputing.com' },
        { path: 'configuration.credentials.password', secret: true },
      ],
    },
    {
      kind: 'connection',
      name: 'healthcare.vaccinations.0.File-to-Snowflake',
      action: 'create',
      values: [
        { path: 'schedule', value: 'manual' },
        { path: 'status', value: 'active' },
      ],
      streamChanges: [],
      streamsFromDiscovery: true,
    },
  ],
};

const planNote: RouteNote = {
  description: [
    'A **dry run**: what `provision` would do, per resource, reading Airbyte and writing nothing. A `create` lists the values it sets; an `update` gives `old` and `new` for each changed value (`valueChanges`) and, for a connection, the streams added, removed or changed (`streamChanges`); a `replace` says why Airbyte cannot update in place; a `noop` changes nothing. A secret is never shown: `secret: true` stands in its place.',
    '',
    "Not part of the Witboost interface: the same data as the CLI's `plan --json`. Descriptor problems keep their path and add their position in the descriptor.",
  ].join('\n'),
  errors: {
    '400':
      'The request or the descriptor is invalid: `errors` lists every problem with its dot path and its position in the descriptor, `inputErrorField` the first path.',
    '500':
      'Airbyte failed while the plan read it (unreachable, timed out, refused the credentials or access to the workspace), or a declared name is ambiguous in Airbyte.',
  },
  example: { request: provisioningRequest, answer: { status: '200', body: firstPlan } },
};

const legacy = '/datamesh.airbytespecificprovisioner/{version}';

const operationsNote = (description: string, answer: RouteExample['answer']): RouteNote => ({
  description,
  errors: {},
  example: { answer },
});

/** The note of each documented operation, by `METHOD path` as the document spells the path. */
export const routeNotes: Readonly<Record<string, RouteNote>> = {
  [`post ${legacy}/validate`]: validateNote,
  'post /v1/validate': validateNote,
  'post /v1/plan': planNote,
  [`post ${legacy}/provision`]: provisionNote,
  'post /v1/provision': provisionNote,
  [`get ${legacy}/provision/{token}/status`]: statusNote,
  'get /v1/provision/{token}/status': statusNote,
  [`post ${legacy}/unprovision`]: unprovisionNote,
  'post /v1/unprovision': unprovisionNote,
  [`post ${legacy}/updateacl`]: updateAclNote({
    acl: { users: ['user:jane.doe_example.com'], groups: ['group:healthcare-devs'] },
    provisionInfo,
  }),
  'post /v1/updateacl': updateAclNote({ refs: ['user:jane.doe_example.com'], provisionInfo }),
  'post /v2/validate': {
    ...validateNote,
    description:
      'Starts the same validation as `/v1/validate` as a task: the answer is a token for `/v2/validate/{token}/status`.',
    example: { request: provisioningRequest, answer: { status: '202', body: exampleToken } },
  },
  'get /v2/validate/{token}/status': {
    description:
      'The state of a validation task; when it has ended, `info.publicInfo` is the validation result (`valid`, and the problems).',
    errors: statusNote.errors,
    example: {
      answer: { status: '200', body: { status: 'COMPLETED', info: { publicInfo: { valid: true } } } },
    },
  },
  'post /v1/reverse-provisioning': {
    description:
      'Imports one existing Airbyte connection of the workspace into the component, named by `params.connectionId` or `params.connectionName` (exactly one match): the answer is `202` with a token for the status route, whose `updates` are the catalog-info values to write (`spec.mesh.specific.source`, `.destination`, `.connection`, and `.adopt` with the Airbyte ids). Provisioning the updated descriptor then changes nothing in Airbyte. Secrets Airbyte masks come back as `${env:NAME}` placeholders, listed in a WARNING log.',
    errors: {
      '400':
        'The body is no `ReverseProvisioningRequest`, or `params` carries neither or both of `connectionId` and `connectionName`.',
    },
    example: {
      request: {
        useCaseTemplateId: 'urn:dmb:utm:airbyte-standard:0.0.0',
        environment: 'development',
        params: { connectionName: 'healthcare.vaccinations.0.File-to-Snowflake' },
      },
      answer: { status: '202', body: exampleToken },
    },
  },
  'get /v1/reverse-provisioning/{token}/status': {
    description:
      '`RUNNING` (`updates: {}`), then `COMPLETED` with the `updates`, or `FAILED` with `updates: {}` and the reason in `logs` (no connection or several by that name, a connection a component already manages, Airbyte unreachable).',
    errors: statusNote.errors,
    example: { answer: { status: '200', body: imported } },
  },
  'get /health': operationsNote('For a **liveness** probe: answers as long as the process does.', {
    status: '200',
    body: { status: 'UP' },
  }),
  'get /ready': {
    description:
      'For a **readiness** probe: asks Airbyte for the workspace with our credentials. `503` says why it is not ready.',
    errors: { '500': 'An unexpected failure while checking.' },
    example: { answer: { status: '200', body: { status: 'READY' } } },
  },
  'get /metrics': operationsNote(
    'Prometheus metrics: HTTP requests, provisioning outcomes, Airbyte calls, and the process (`docs/OPERATIONS.md` says which to alert on).',
    { status: '200', body: 'provisioner_operations_total{operation="provision",status="COMPLETED"} 1' },
  ),
  'get /openapi.yaml': operationsNote('This document, as YAML.', {
    status: '200',
    body: 'openapi: 3.0.3\ninfo:\n  title: Airbyte specific provisioner\n',
  }),
  'get /docs': operationsNote('This document as a page (the one you are reading).', {
    status: '200',
    body: '<!doctype html>…',
  }),
  'get /': operationsNote('Redirects to this page, `/docs`.', {
    status: '302',
    body: 'Redirecting to /docs',
  }),
};

/** The token of the examples (the status routes' `token` parameter). */
export const exampleTokenValue = exampleToken;

interface Responses {
  readonly [status: string]: {
    readonly description: string;
    readonly content?: Readonly<Record<string, { readonly schema: unknown }>>;
  };
}
interface AnyOperation {
  readonly description?: string;
  readonly responses: Responses;
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: unknown }>> };
}

/** Adds an example to each media type of a content map. */
const withExample = <C extends Readonly<Record<string, { readonly schema: unknown }>>>(
  content: C,
  example: unknown,
) => Object.fromEntries(Object.entries(content).map(([type, media]) => [type, { ...media, example }]));

/** The operation with its note merged in: description, this route's error wording, the examples. */
const annotate = (key: string, op: AnyOperation): AnyOperation => {
  const note = routeNotes[key];
  if (note === undefined) return op;
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, response]) => {
      const description = note.errors[status] ?? response.description;
      const example = note.example.answer.status === status ? note.example.answer.body : undefined;
      return [
        status,
        {
          ...response,
          description,
          ...(example === undefined || response.content === undefined
            ? {}
            : { content: withExample(response.content, example) }),
        },
      ];
    }),
  );
  const requestBody =
    op.requestBody === undefined || note.example.request === undefined
      ? op.requestBody
      : { ...op.requestBody, content: withExample(op.requestBody.content, note.example.request) };
  return {
    ...op,
    description: note.description,
    ...(requestBody === undefined ? {} : { requestBody }),
    responses,
  };
};

/** Every operation of the paths with its note merged in. */
export const annotateOperations = <
  P extends Readonly<Record<string, Readonly<Record<string, AnyOperation>>>>,
>(
  paths: P,
): P =>
  Object.fromEntries(
    Object.entries(paths).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, op]) => [method, annotate(`${method} ${path}`, op)]),
      ),
    ]),
  ) as P;
