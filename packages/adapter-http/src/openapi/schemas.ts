/**
 * The component schemas of our OpenAPI document. Each is at least as strict as the Witboost schema of the
 * same name (legacy and 2.2.0), so a response that passes ours passes theirs.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const strings = { type: 'array', items: { type: 'string' } };
const moreInfo = {
  type: 'object',
  required: ['problems', 'solutions'],
  additionalProperties: false,
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
const taskStatus = { type: 'string', enum: ['RUNNING', 'COMPLETED', 'FAILED'] };

export const schemas = {
  DescriptorKind: {
    type: 'string',
    enum: ['DATAPRODUCT_DESCRIPTOR', 'COMPONENT_DESCRIPTOR', 'DATAPRODUCT_DESCRIPTOR_WITH_RESULTS'],
  },
  ProvisioningRequest: {
    type: 'object',
    required: ['descriptorKind', 'descriptor'],
    properties: {
      descriptorKind: ref('DescriptorKind'),
      descriptor: { type: 'string', description: 'The descriptor, YAML (a component descriptor)' },
      removeData: { type: 'boolean', default: false },
      latestEnrichedDescriptor: {
        type: 'string',
        description: 'YAML; the `info.privateInfo` of the last deploy in it lets us find the same resources',
      },
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
  ReverseProvisioningStatus: {
    type: 'object',
    required: ['status', 'updates'],
    additionalProperties: false,
    properties: {
      status: taskStatus,
      updates: {
        type: 'object',
        description:
          'Dot paths of the catalog-info to the values to write: spec.mesh.specific.source, .destination, .connection, .adopt',
      },
      logs: { type: 'array', items: ref('Log') },
    },
  },
  ProvisioningStatus: {
    type: 'object',
    required: ['status', 'result'],
    additionalProperties: false,
    properties: {
      status: taskStatus,
      result: {
        type: 'string',
        description: 'What happened; for FAILED, what failed and what to do; for RUNNING, the latest step',
      },
      info: ref('Info'),
      logs: { type: 'array', items: ref('Log') },
    },
  },
  Info: {
    type: 'object',
    required: ['publicInfo', 'privateInfo'],
    additionalProperties: false,
    properties: {
      publicInfo: { type: 'object', additionalProperties: infoEntry },
      privateInfo: { type: 'object', description: 'Ids and fingerprints, never a secret' },
    },
  },
  Log: {
    type: 'object',
    required: ['timestamp', 'level', 'message'],
    additionalProperties: false,
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
      error: {
        type: 'object',
        required: ['errors'],
        additionalProperties: false,
        properties: { errors: { ...strings, description: 'One per problem: `dot.path: message`' } },
      },
    },
  },
  ValidationStatus: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: {
      status: taskStatus,
      info: {
        type: 'object',
        required: ['publicInfo'],
        additionalProperties: false,
        properties: { publicInfo: ref('ValidationResult') },
      },
    },
  },
  TaskToken: { type: 'string', description: 'The token to poll the status route with' },
  RequestValidationError: {
    type: 'object',
    required: ['errors', 'userMessage', 'moreInfo'],
    additionalProperties: false,
    properties: {
      errors: strings,
      userMessage: { type: 'string' },
      input: { type: 'string' },
      inputErrorField: { type: 'string', description: 'Dot path of the first problem' },
      moreInfo,
    },
  },
  SystemError: {
    type: 'object',
    required: ['error', 'userMessage', 'moreInfo'],
    additionalProperties: false,
    properties: { error: { type: 'string' }, userMessage: { type: 'string' }, moreInfo },
  },
  Plan: {
    type: 'object',
    required: ['changesPending', 'changes'],
    additionalProperties: false,
    properties: {
      changesPending: { type: 'boolean', description: 'Whether a provision would write anything' },
      changes: { type: 'array', items: ref('PlannedChange') },
    },
  },
  PlannedChange: {
    type: 'object',
    required: ['kind', 'name', 'action'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: ['source', 'destination', 'connection'] },
      name: { type: 'string' },
      action: { type: 'string', enum: ['create', 'update', 'replace', 'delete', 'noop'] },
      id: { type: 'string', description: 'The Airbyte id of the existing resource' },
      changedFields: { ...strings, description: 'update: dot paths of what differs' },
      reason: { type: 'string', description: 'replace: why Airbyte cannot update it in place' },
      values: {
        type: 'array',
        description: 'create, replace: what will be set; a secret as `secret: true`, never its value',
        items: ref('PlannedValue'),
      },
      valueChanges: {
        type: 'array',
        description: 'update: each changed value; `old` absent when unset, `new` absent when removed',
        items: ref('PlannedValue'),
      },
      streamChanges: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'change', 'fields'],
          additionalProperties: false,
          properties: {
            name: { type: 'string' },
            change: { type: 'string', enum: ['added', 'removed', 'changed'] },
            fields: { type: 'array', items: ref('PlannedValue') },
          },
        },
      },
      streamsFromDiscovery: {
        type: 'boolean',
        description: 'The streams follow what the source offers, discovered only when provisioning',
      },
      secretsUnknown: {
        type: 'boolean',
        description:
          'Secrets are sent again because their previous value is unknown, not because they changed',
      },
    },
  },
  PlannedValue: {
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: {
      path: { type: 'string' },
      value: {},
      old: {},
      new: {},
      secret: { type: 'boolean', enum: [true] },
    },
  },
  Health: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: { status: { type: 'string', enum: ['UP'] } },
  },
  Readiness: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: {
      status: { type: 'string', enum: ['READY', 'NOT_READY'] },
      reason: {
        type: 'string',
        description: 'Why the provisioner cannot serve: its state store, or Airbyte (NOT_READY only)',
      },
      state: {
        type: 'string',
        description: 'Where state is kept: `postgresql` (shared by replicas), or in memory (one process)',
      },
      airbyte: {
        type: 'string',
        description: 'Whether Airbyte answers: `REACHABLE`, or `UNREACHABLE: <why>`',
      },
    },
  },
} as const;
