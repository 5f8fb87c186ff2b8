/**
 * The defaults the original provisioner gave a Snowflake destination whose `database` or `schema` the
 * template's form left blank, and which the form promised: the database is the data product's domain, the
 * schema its name without spaces followed by `_<major version>`, both uppercased (Snowflake's unquoted
 * identifiers). A domain written as a URN (`urn:dmb:dmn:finance`) gives its last segment. They sit below
 * the platform's profile: a profile default or an enforced value wins, and so does the descriptor.
 */
import type { JsonObject } from '../domain/json.js';

type Mapping = Readonly<Record<string, unknown>>;

const text = (header: Mapping, key: string): string | undefined => {
  const value = header[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export const defaultDatabase = (domain: string): string =>
  (domain.split(':').pop() ?? domain).replace(/\s+/g, '').toUpperCase();

export const defaultSchema = (name: string, version: string): string =>
  `${name.replace(/\s+/g, '').toUpperCase()}_${version.split('.')[0]!.trim()}`;

/** What a blank database/schema of a destination of this type becomes, from the data product's header. */
export const templateDestinationDefaults = (destinationType: string, dataProduct: Mapping): JsonObject => {
  if (destinationType !== 'snowflake') return {};
  const domain = text(dataProduct, 'domain');
  const name = text(dataProduct, 'name');
  const version = text(dataProduct, 'version');
  return {
    ...(domain === undefined ? {} : { database: defaultDatabase(domain) }),
    ...(name === undefined || version === undefined ? {} : { schema: defaultSchema(name, version) }),
  };
};
