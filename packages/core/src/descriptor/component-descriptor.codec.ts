/**
 * The component descriptor the Provisioning Coordinator sends: the whole data product and the id of the
 * component to provision. Unknown header and component fields are tolerated.
 */
import * as t from 'io-ts';

const NonEmptyString = t.refinement(t.string, (s) => s.trim().length > 0, 'a non-empty string');

export const DataProductHeaderCodec = t.intersection([
  t.type({ id: NonEmptyString, components: t.array(t.unknown) }),
  t.partial({ name: t.string, domain: t.string, environment: t.string, version: t.string }),
]);

export const ComponentDescriptorCodec = t.type({
  dataProduct: DataProductHeaderCodec,
  componentIdToProvision: NonEmptyString,
});
export type ComponentDescriptor = t.TypeOf<typeof ComponentDescriptorCodec>;

export const ComponentHeaderCodec = t.intersection([
  t.type({ id: NonEmptyString, kind: t.string }),
  t.partial({ name: t.string, specific: t.unknown, info: t.unknown }),
]);
