/**
 * The OpenAPI document of exactly what this server serves: the legacy family under
 * `/datamesh.airbytespecificprovisioner/{version}` and the 2.2.0 family at the root. Tests validate every
 * response the suite produces against these schemas, so the document cannot drift from the code.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const text = { 'text/plain': { schema: { type: 'string' } } };
const errors = {
  '400': { description: 'Invalid input', content: json(ref('RequestValidationError')) },
  '401': { description: 'Missing or wrong API token', content: json(ref('SystemError')) },
  '413': { description: 'Body too large', content: json(ref('RequestValidationError')) },
  '500': { description: 'System problem', content: json(ref('SystemError')) },
};
const body = (schema: string) => ({ required: true, content: json(ref(schema)) });
const tokenParam = { name: 'token', in: 'path', required: true, schema: { type: 'string' } };
const versionParam = { name: 'version', in: 'path', required: true, schema: { type: 'string' } };

const provision = (summary: string, versioned: boolean) => ({
  post: {
    summary,
    ...(versioned ? { parameters: [versionParam] } : {}),
    requestBody: body('ProvisioningRequest'),
    responses: {
      '200': { description: 'Completed (sync mode)', content: json(ref('ProvisioningStatus')) },
      '202': { description: 'Accepted: the token to poll (async mode)', content: text },
      ...errors,
    },
  },
});
const status = (versioned: boolean) => ({
  get: {
    summary: 'Status of a provisioning task',
    parameters: versioned ? [versionParam, tokenParam] : [tokenParam],
    responses: { '200': { description: 'The status', content: json(ref('ProvisioningStatus')) }, ...errors },
  },
});
const validate = (versioned: boolean) => ({
  post: {
    summary: 'Validate a provisioning request',
    ...(versioned ? { parameters: [versionParam] } : {}),
    requestBody: body('ProvisioningRequest'),
    responses: {
      '200': { description: 'Validation result', content: json(ref('ValidationResult')) },
      ...errors,
    },
  },
});
const updateAcl = (schema: string, versioned: boolean) => ({
  post: {
    summary: 'Update access: Airbyte workloads hold no data access, so this completes with a log entry',
    ...(versioned ? { parameters: [versionParam] } : {}),
    requestBody: body(schema),
    responses: { '200': { description: 'Completed', content: json(ref('ProvisioningStatus')) }, ...errors },
  },
});
const legacy = '/datamesh.airbytespecificprovisioner/{version}';
const strings = { type: 'array', items: { type: 'string' } };
const moreInfo = {
  type: 'object',
  required: ['problems', 'solutions'],
  properties: { problems: strings, solutions: strings },
};
const infoEntry = {
  type: 'object',
  required: ['type', 'label', 'value'],
  properties: {
    type: { type: 'string', enum: ['string', 'link', 'date'] },
    label: { type: 'string' },
    value: { type: 'string' },
    href: { type: 'string' },
  },
};
const operations = (summary: string) => ({
  get: { summary, responses: { '200': { description: 'OK' }, '503': { description: 'Not ready' } } },
});

export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Airbyte specific provisioner',
    version: '2.2.0',
    description:
      'Deploys Airbyte sources, destinations and connections declared in Witboost component descriptors. Serves the legacy routes and the 2.2.0 routes.',
  },
  paths: {
    [`${legacy}/provision`]: provision('Deploy a component', true),
    [`${legacy}/provision/{token}/status`]: status(true),
    [`${legacy}/unprovision`]: provision('Undeploy a component', true),
    [`${legacy}/validate`]: validate(true),
    [`${legacy}/updateacl`]: updateAcl('LegacyUpdateAclRequest', true),
    '/v1/provision': provision('Deploy a component', false),
    '/v1/provision/{token}/status': status(false),
    '/v1/unprovision': provision('Undeploy a component', false),
    '/v1/validate': validate(false),
    '/v2/validate': {
      post: {
        summary: 'Validate asynchronously',
        requestBody: body('ProvisioningRequest'),
        responses: { '202': { description: 'The token to poll', content: text }, ...errors },
      },
    },
    '/v2/validate/{token}/status': {
      get: {
        summary: 'Status of a validation task',
        parameters: [tokenParam],
        responses: {
          '200': { description: 'The status', content: json(ref('ValidationStatus')) },
          ...errors,
        },
      },
    },
    '/v1/updateacl': updateAcl('UpdateAclRequest', false),
    '/v1/reverse-provisioning': {
      post: {
        summary: 'Not supported by this provisioner: always 400',
        requestBody: body('ReverseProvisioningRequest'),
        responses: errors,
      },
    },
    '/v1/reverse-provisioning/{token}/status': {
      get: { summary: 'Not supported: always 400', parameters: [tokenParam], responses: errors },
    },
    '/health': operations('Liveness'),
    '/ready': operations('Readiness: Airbyte reachable and our credentials accepted'),
    '/metrics': operations('Prometheus metrics'),
    '/openapi.yaml': operations('This document'),
    '/docs': operations('This document as a page'),
  },
  components: {
    schemas: {
      DescriptorKind: {
        type: 'string',
        enum: ['DATAPRODUCT_DESCRIPTOR', 'COMPONENT_DESCRIPTOR', 'DATAPRODUCT_DESCRIPTOR_WITH_RESULTS'],
      },
      ProvisioningRequest: {
        type: 'object',
        required: ['descriptorKind', 'descriptor'],
        properties: {
          descriptorKind: ref('DescriptorKind'),
          descriptor: { type: 'string', description: 'The component descriptor, YAML' },
          removeData: { type: 'boolean', default: false },
          latestEnrichedDescriptor: { type: 'string' },
        },
      },
      ProvisionInfo: {
        type: 'object',
        required: ['request'],
        properties: { request: { type: 'string' }, result: { type: 'string' } },
      },
      LegacyUpdateAclRequest: {
        type: 'object',
        required: ['acl', 'provisionInfo'],
        properties: {
          acl: {
            type: 'object',
            required: ['users', 'groups'],
            properties: { users: strings, groups: strings },
          },
          provisionInfo: ref('ProvisionInfo'),
        },
      },
      UpdateAclRequest: {
        type: 'object',
        required: ['refs', 'provisionInfo'],
        properties: { refs: strings, provisionInfo: ref('ProvisionInfo') },
      },
      ReverseProvisioningRequest: {
        type: 'object',
        required: ['useCaseTemplateId', 'environment'],
        properties: {
          useCaseTemplateId: { type: 'string' },
          environment: { type: 'string' },
          params: { type: 'object' },
          catalogInfo: { type: 'object' },
        },
      },
      ProvisioningStatus: {
        type: 'object',
        required: ['status', 'result'],
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: ['RUNNING', 'COMPLETED', 'FAILED'] },
          result: { type: 'string' },
          info: ref('Info'),
          logs: { type: 'array', items: ref('Log') },
        },
      },
      Info: {
        type: 'object',
        required: ['publicInfo', 'privateInfo'],
        properties: {
          publicInfo: { type: 'object', additionalProperties: infoEntry },
          privateInfo: { type: 'object' },
        },
      },
      Log: {
        type: 'object',
        required: ['timestamp', 'level', 'message'],
        properties: {
          timestamp: { type: 'string', format: 'date-time' },
          level: { type: 'string', enum: ['DEBUG', 'INFO', 'WARNING', 'ERROR'] },
          message: { type: 'string' },
          phase: { type: 'string' },
        },
      },
      ValidationResult: {
        type: 'object',
        required: ['valid'],
        additionalProperties: false,
        properties: {
          valid: { type: 'boolean' },
          error: { type: 'object', required: ['errors'], properties: { errors: strings } },
        },
      },
      ValidationStatus: {
        type: 'object',
        required: ['status'],
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: ['RUNNING', 'COMPLETED', 'FAILED'] },
          info: {
            type: 'object',
            required: ['publicInfo'],
            properties: { publicInfo: ref('ValidationResult') },
          },
        },
      },
      RequestValidationError: {
        type: 'object',
        required: ['errors', 'userMessage', 'moreInfo'],
        additionalProperties: false,
        properties: {
          errors: strings,
          userMessage: { type: 'string' },
          input: { type: 'string' },
          inputErrorField: { type: 'string' },
          moreInfo,
        },
      },
      SystemError: {
        type: 'object',
        required: ['error', 'userMessage', 'moreInfo'],
        additionalProperties: false,
        properties: { error: { type: 'string' }, userMessage: { type: 'string' }, moreInfo },
      },
    },
  },
} as const;
