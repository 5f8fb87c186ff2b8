/**
 * The component descriptor the Provisioning Coordinator sends: the whole data product and the id of the
 * component to provision. Unknown header and component fields are tolerated.
 */
import * as t from 'io-ts';

// Named codecs: their names are what a problem says was expected ("must be a list of components").
const NonEmptyString = t.refinement(t.string, (s) => s.trim().length > 0, 'a non-empty string');
// YAML reads `version: 1.0` as a number: the expectation says how to keep it text.
const Text = new t.Type<string, string, unknown>(
  'a string (quote values such as "1.0" so YAML keeps them as text)',
  t.string.is,
  t.string.validate,
  t.identity,
);

export const DataProductHeaderCodec = t.intersection(
  [
    t.type(
      { id: NonEmptyString, components: t.array(t.unknown, 'a list of components') },
      'a mapping with id and components',
    ),
    t.partial({ name: Text, domain: Text, environment: Text, version: Text }),
  ],
  'a mapping with id and components',
);

export const ComponentDescriptorCodec = t.type(
  {
    dataProduct: DataProductHeaderCodec,
    componentIdToProvision: NonEmptyString,
  },
  'a mapping with dataProduct and componentIdToProvision',
);
export type ComponentDescriptor = t.TypeOf<typeof ComponentDescriptorCodec>;

export const ComponentHeaderCodec = t.intersection(
  [
    t.type({ id: NonEmptyString, kind: NonEmptyString }, 'a mapping with id and kind'),
    t.partial({ name: Text, specific: t.unknown, info: t.unknown }),
  ],
  'a mapping with id and kind',
);
