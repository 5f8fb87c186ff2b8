/**
 * The request envelopes of the specific-provisioner API (legacy and 2.2.0), decoded at the edge.
 * The descriptor inside them is YAML and is parsed and validated separately (see `descriptor/`).
 */
import * as t from 'io-ts';

export const DescriptorKind = t.keyof({
  DATAPRODUCT_DESCRIPTOR: null,
  COMPONENT_DESCRIPTOR: null,
  DATAPRODUCT_DESCRIPTOR_WITH_RESULTS: null,
});
export type DescriptorKind = t.TypeOf<typeof DescriptorKind>;

export const ProvisioningRequest = t.intersection([
  t.type({ descriptorKind: DescriptorKind, descriptor: t.string }),
  t.partial({ removeData: t.boolean, latestEnrichedDescriptor: t.string }),
]);
export type ProvisioningRequest = t.TypeOf<typeof ProvisioningRequest>;

export const ProvisionInfo = t.intersection([t.type({ request: t.string }), t.partial({ result: t.string })]);
export type ProvisionInfo = t.TypeOf<typeof ProvisionInfo>;

/** Legacy shape: `acl {users, groups}`. */
export const LegacyUpdateAclRequest = t.type({
  acl: t.type({ users: t.array(t.string), groups: t.array(t.string) }),
  provisionInfo: ProvisionInfo,
});
export type LegacyUpdateAclRequest = t.TypeOf<typeof LegacyUpdateAclRequest>;

/** 2.2.0 shape: `refs[]` such as `user:alice`, `group:analysts`. */
export const RefsUpdateAclRequest = t.type({
  refs: t.array(t.string),
  provisionInfo: ProvisionInfo,
});
export type RefsUpdateAclRequest = t.TypeOf<typeof RefsUpdateAclRequest>;

export const UpdateAclRequest = t.union([LegacyUpdateAclRequest, RefsUpdateAclRequest]);
export type UpdateAclRequest = t.TypeOf<typeof UpdateAclRequest>;

export const ReverseProvisioningRequest = t.intersection([
  t.type({ useCaseTemplateId: t.string, environment: t.string }),
  t.partial({ params: t.UnknownRecord, catalogInfo: t.UnknownRecord }),
]);
export type ReverseProvisioningRequest = t.TypeOf<typeof ReverseProvisioningRequest>;
