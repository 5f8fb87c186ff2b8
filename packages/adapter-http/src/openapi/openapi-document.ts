/**
 * The OpenAPI document of exactly what this server serves: the legacy family under
 * `/datamesh.airbytespecificprovisioner/{version}` and the 2.2.0 family at the root. The tests validate
 * every response the suite produces against it, so the document cannot drift from the code.
 */
import { annotateOperations, exampleTokenValue } from './route-notes.js';
import { schemas } from './schemas.js';

interface Schema {
  readonly $ref?: string;
  readonly type?: string;
}
type Content = Readonly<Record<string, { readonly schema: Schema }>>;

const ref = (name: keyof typeof schemas): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema): Content => ({ 'application/json': { schema } });
const answer = (description: string, content: Content) => ({ description, content });

const unauthorized = {
  '401': answer(
    'API token configured, and the request has no or a wrong `Authorization: Bearer`',
    json(ref('SystemError')),
  ),
};
const systemProblem = {
  '500': answer('System problem (Airbyte failed, a conflict in Airbyte, a bug)', json(ref('SystemError'))),
};
const invalidInput = {
  '400': answer(
    'Invalid input: not JSON, wrong Content-Type, missing or ill-typed fields, invalid descriptor, unknown token',
    json(ref('RequestValidationError')),
  ),
};
/** What any route with a JSON body may answer besides its own results. */
const bodyErrors = {
  ...invalidInput,
  ...unauthorized,
  '413': answer(
    'The body is larger than the configured limit (5 MB by default)',
    json(ref('RequestValidationError')),
  ),
  ...systemProblem,
};
const statusErrors = { ...invalidInput, ...unauthorized, ...systemProblem };

const versionParam = {
  name: 'version',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: '0.0',
};
const tokenParam = {
  name: 'token',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: exampleTokenValue,
};
const body = (schema: keyof typeof schemas) => ({ required: true, content: json(ref(schema)) });

/** The 2.2.0 provision routes answer the bare token as text; the legacy ones and `/v2/validate` a JSON string. */
const tokenAnswer = (encoding: 'text' | 'json') =>
  answer(
    'Accepted (async mode): the token to poll the status route with',
    encoding === 'text' ? { 'text/plain': { schema: ref('TaskToken') } } : json(ref('TaskToken')),
  );

type Family = 'legacy' | '2.2.0';
const familyParams = (family: Family) => (family === 'legacy' ? { parameters: [versionParam] } : {});

const provision = (summary: string, family: Family) => ({
  post: {
    tags: [family],
    summary,
    ...familyParams(family),
    requestBody: body('ProvisioningRequest'),
    responses: {
      '200': answer('Completed (sync mode)', json(ref('ProvisioningStatus'))),
      '202': tokenAnswer(family === 'legacy' ? 'json' : 'text'),
      ...bodyErrors,
    },
  },
});
const provisionStatus = (family: Family) => ({
  get: {
    tags: [family],
    summary:
      'Status of a provision or unprovision task: RUNNING, COMPLETED or FAILED; 400 if the token is unknown or expired',
    parameters: family === 'legacy' ? [versionParam, tokenParam] : [tokenParam],
    responses: { '200': answer('The status', json(ref('ProvisioningStatus'))), ...statusErrors },
  },
});
const validate = (family: Family) => ({
  post: {
    tags: [family],
    summary: 'Validate a provisioning request',
    ...familyParams(family),
    requestBody: body('ProvisioningRequest'),
    responses: { '200': answer('The validation result', json(ref('ValidationResult'))), ...bodyErrors },
  },
});
const updateAcl = (schema: keyof typeof schemas, family: Family) => ({
  post: {
    tags: [family],
    summary:
      'Update access: with AIRBYTE_ACL_MODE=off (default) completes with a log entry; with workspace-role, the users and groups listed hold AIRBYTE_ACL_ROLE on the Airbyte workspace (missing ones granted, dropped ones revoked when this provisioner granted them)' +
      (family === '2.2.0' ? '; async mode answers a token polled on /v1/provision/{token}/status' : ''),
    ...familyParams(family),
    requestBody: body(schema),
    responses: {
      '200': answer('Completed', json(ref('ProvisioningStatus'))),
      ...(family === '2.2.0' ? { '202': tokenAnswer('text') } : {}),
      ...bodyErrors,
    },
  },
});
const operation = (summary: string, responses: Readonly<Record<string, ReturnType<typeof answer>>>) => ({
  get: { tags: ['operations'], summary, responses },
});

const legacy = '/datamesh.airbytespecificprovisioner/{version}';

export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Airbyte specific provisioner',
    version: '2.2.0',
    description:
      'Deploys the Airbyte source, destination and connection declared in a Witboost component descriptor, and removes them again. Serves the legacy routes (any version segment) and the 2.2.0 routes, over the same use cases. With an API token configured, every route but the operations routes requires `Authorization: Bearer <token>`.',
  },
  tags: [
    {
      name: 'legacy',
      description: 'The first specific-provisioner API, under /datamesh.airbytespecificprovisioner/{version}',
    },
    { name: '2.2.0', description: 'The routes current Witboost platforms call' },
    {
      name: 'operations',
      description: 'Health, readiness, metrics and this document; never behind the API token',
    },
  ],
  // descriptions, this route's error wording and the examples: route-notes.ts
  paths: annotateOperations({
    [`${legacy}/validate`]: validate('legacy'),
    [`${legacy}/provision`]: provision('Deploy a component', 'legacy'),
    [`${legacy}/provision/{token}/status`]: provisionStatus('legacy'),
    [`${legacy}/unprovision`]: provision('Undeploy a component', 'legacy'),
    [`${legacy}/updateacl`]: updateAcl('LegacyUpdateAclRequest', 'legacy'),
    '/v1/validate': validate('2.2.0'),
    '/v2/validate': {
      post: {
        tags: ['2.2.0'],
        summary: 'Validate asynchronously: a token to poll',
        requestBody: body('ProvisioningRequest'),
        responses: { '202': tokenAnswer('json'), ...bodyErrors },
      },
    },
    '/v2/validate/{token}/status': {
      get: {
        tags: ['2.2.0'],
        summary: 'Status of a validation task; 400 if the token is unknown or expired',
        parameters: [tokenParam],
        responses: { '200': answer('The status', json(ref('ValidationStatus'))), ...statusErrors },
      },
    },
    '/v1/provision': provision('Deploy a component', '2.2.0'),
    '/v1/provision/{token}/status': provisionStatus('2.2.0'),
    '/v1/unprovision': provision('Undeploy a component', '2.2.0'),
    '/v1/updateacl': updateAcl('UpdateAclRequest', '2.2.0'),
    '/v1/plan': {
      post: {
        tags: ['2.2.0'],
        summary:
          'Dry run: what provisioning this descriptor would do per resource (create with its values, update with old and new values, stream changes, replace with its reason, noop); reads Airbyte, writes nothing. Secrets are named, never shown. Not part of the Witboost interface.',
        requestBody: body('ProvisioningRequest'),
        responses: { '200': answer('The plan', json(ref('Plan'))), ...bodyErrors },
      },
    },
    '/v1/reverse-provisioning': {
      post: {
        tags: ['2.2.0'],
        summary:
          'Import an existing Airbyte connection (params.connectionId or params.connectionName) into the component: a token to poll; 400 for missing or ambiguous params',
        requestBody: body('ReverseProvisioningRequest'),
        responses: { '202': tokenAnswer('text'), ...bodyErrors },
      },
    },
    '/v1/reverse-provisioning/{token}/status': {
      get: {
        tags: ['2.2.0'],
        summary:
          'Status of a reverse provisioning task; COMPLETED carries the catalog-info updates (spec.mesh.specific.*), FAILED answers updates {} and says why in logs; 400 if the token is unknown or expired',
        parameters: [tokenParam],
        responses: {
          '200': answer('The status', json(ref('ReverseProvisioningStatus'))),
          ...statusErrors,
        },
      },
    },
    '/health': operation('Liveness: the process answers; checks no dependency', {
      '200': answer('Alive', json(ref('Health'))),
    }),
    '/ready': operation('Readiness: Airbyte answers and accepts our credentials', {
      '200': answer('Ready', json(ref('Readiness'))),
      '503': answer('Not ready, and why', json(ref('Readiness'))),
      ...systemProblem,
    }),
    '/metrics': operation('Prometheus metrics: requests, provisioning outcomes, Airbyte calls', {
      '200': answer('Prometheus text exposition', { 'text/plain': { schema: { type: 'string' } } }),
    }),
    '/openapi.yaml': operation('This document', {
      '200': answer('OpenAPI 3 YAML', { 'application/yaml': { schema: { type: 'string' } } }),
    }),
    '/docs': operation('This document as a page', {
      '200': answer('HTML', { 'text/html': { schema: { type: 'string' } } }),
    }),
    '/': operation('The API page', {
      '302': answer('Redirect to `/docs`', { 'text/plain': { schema: { type: 'string' } } }),
    }),
  }),
  components: { schemas },
} as const;
