/**
 * A connector configuration checked against its connector's schema, as Airbyte checks it on create:
 * required fields, types, enums and consts, patterns, `oneOf` variants (chosen by their constant
 * discriminator, such as `provider.storage`), at any depth. Every problem is told at once with its path.
 * Beyond what Airbyte says: an unknown key is a warning with the closest known key ("did you mean
 * `format`?"), a YAML 1.1 boolean (`yes`) where a boolean is wanted is read as one with a warning, and an
 * empty (null) optional field is left out with a warning. A secret value is never quoted; the dot paths
 * of the secret fields present (`airbyte_secret`) are returned for fingerprints and redaction.
 */
import type { ConnectorSchemaNode } from '../domain/connector-schema.js';
import type { JsonObject, JsonValue } from '../domain/json.js';
import { problem, type Problem } from '../errors/problem.js';
import { closestKey } from './closest-key.js';
import { yaml11Boolean, yaml11BooleanWarning } from './template-shapes.js';

export interface ConfigurationCheck {
  readonly problems: ReadonlyArray<Problem>;
  readonly warnings: ReadonlyArray<string>;
  /** The configuration with YAML 1.1 booleans read as booleans and empty optional fields left out. */
  readonly configuration: JsonObject;
  /** Dot paths (below the configuration) of the secret fields it holds. */
  readonly secretPaths: ReadonlyArray<string>;
  /** Paths of the keys the schema does not know (each also a warning). */
  readonly unknownKeys: ReadonlyArray<string>;
}

type Json = JsonValue | undefined;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const typesOf = (node: ConnectorSchemaNode): ReadonlyArray<string> =>
  node.t === undefined ? [] : typeof node.t === 'string' ? [node.t] : node.t;

const kindOf = (v: Json): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : isObject(v)
        ? 'a mapping'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? 'an integer'
            : 'a number'
          : `a ${typeof v}`;

const fits = (type: string, v: Json): boolean => {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
};

const typeNames: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

const quote = (node: ConnectorSchemaNode, v: Json): string =>
  node.s === 1 ? `${kindOf(v)} (a secret, not shown)` : JSON.stringify(v);

const join = (at: string, key: string): string => (at === '' ? key : `${at}.${key}`);

/** The variant a value chose: by the key every variant fixes to a constant, else the one that fits best. */
const discriminatorOf = (variants: ReadonlyArray<ConnectorSchemaNode>): string | undefined => {
  const first = variants[0]?.p;
  if (first === undefined) return undefined;
  return Object.keys(first).find((key) =>
    variants.every((variant) => {
      const property = variant.p?.[key];
      return property !== undefined && (property.c !== undefined || property.e?.length === 1);
    }),
  );
};

const constantOf = (node: ConnectorSchemaNode | undefined): unknown => node?.c ?? node?.e?.[0];

class Checker {
  readonly problems: Problem[] = [];
  readonly warnings: string[] = [];
  readonly secretPaths: string[] = [];

  readonly unknownKeys: string[] = [];

  constructor(
    private readonly label: string,
    private readonly missingRequired: MissingRequired = 'problem',
  ) {}

  /** The value as it will be sent, or undefined to leave it out. */
  value(node: ConnectorSchemaNode, v: Json, at: string, relative: string | undefined): Json {
    const types = typesOf(node);
    if (v === null && !types.includes('null')) {
      this.warnings.push(`${at} is empty (null) and is left out`);
      return undefined;
    }
    let value = v;
    const asBoolean = types.includes('boolean') ? yaml11Boolean(value) : undefined;
    if (asBoolean !== undefined && typeof value === 'string') {
      this.warnings.push(yaml11BooleanWarning(at, value, asBoolean));
      value = asBoolean;
    }
    if (node.s === 1 && relative !== undefined && (typeof value === 'string' || typeof value === 'number')) {
      this.secretPaths.push(relative);
    }
    if (types.length > 0 && !types.some((type) => fits(type, value))) {
      const expected = types.map((type) => typeNames[type] ?? type).join(' or ');
      this.problems.push(problem(at, `must be ${expected}, got ${kindOf(value)}`));
      return value;
    }
    if (node.c !== undefined && value !== node.c) {
      this.problems.push(problem(at, `must be ${JSON.stringify(node.c)}; got ${quote(node, value)}`));
    } else if (node.e !== undefined && !node.e.includes(value)) {
      this.problems.push(
        problem(at, `must be one of ${node.e.map((e) => String(e)).join(', ')}; got ${quote(node, value)}`),
      );
    }
    if (node.x !== undefined && typeof value === 'string' && !this.matches(node.x, value)) {
      this.problems.push(
        problem(
          at,
          `${node.s === 1 ? 'does' : `${JSON.stringify(value)} does`} not match the pattern ${node.x}`,
        ),
      );
    }
    if (isObject(value)) return this.object(node, value, at, relative);
    if (Array.isArray(value) && node.i !== undefined) {
      const items = node.i;
      return value.map((item: JsonValue, i) => this.value(items, item, `${at}[${i}]`, undefined) ?? null);
    }
    return value;
  }

  private matches(pattern: string, value: string): boolean {
    try {
      return new RegExp(pattern, 'u').test(value);
    } catch {
      return true; // a pattern JavaScript cannot read is not held against the descriptor
    }
  }

  private variantOf(
    node: ConnectorSchemaNode,
    value: JsonObject,
    at: string,
  ): ConnectorSchemaNode | undefined {
    const variants = node.o ?? [];
    const key = discriminatorOf(variants);
    if (key === undefined) {
      // no constant tells them apart: the first variant the value fits without a problem, else the first
      return (
        variants.find((variant) => {
          const trial = new Checker(this.label);
          trial.object({ t: 'object', ...variant }, value, at, undefined);
          return trial.problems.length === 0;
        }) ?? variants[0]
      );
    }
    const chosen = value[key];
    const found = variants.find((variant) => constantOf(variant.p?.[key]) === chosen);
    if (found !== undefined) return found;
    const options = variants.map((variant) => {
      const constant = JSON.stringify(constantOf(variant.p?.[key]));
      return variant.v === undefined ? constant : `${constant} (${variant.v})`;
    });
    this.problems.push(
      chosen === undefined
        ? problem(join(at, key), `is required: one of ${options.join(', ')}`)
        : problem(join(at, key), `must be one of ${options.join(', ')}; got ${JSON.stringify(chosen)}`),
    );
    return undefined;
  }

  private object(
    node: ConnectorSchemaNode,
    value: JsonObject,
    at: string,
    relative: string | undefined,
  ): JsonObject {
    const variant = node.o === undefined ? undefined : this.variantOf(node, value, at);
    const properties = { ...node.p, ...variant?.p };
    const required = [...(node.r ?? []), ...(variant?.r ?? [])];
    const known = Object.keys(properties);
    const result: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
      const path = join(at, key);
      // an empty required field is told once, below, as required
      if (item === null && required.includes(key) && !typesOf(property ?? {}).includes('null')) continue;
      if (property === undefined) {
        // a free-form mapping (no properties, no variants) takes any key; and a variant that could not be
        // chosen says nothing of the keys it would have allowed
        if (known.length > 0 && (node.o === undefined || variant !== undefined))
          this.unknownKey(path, key, known);
        result[key] = item;
        continue;
      }
      const checked = this.value(
        property,
        item,
        path,
        relative === undefined ? undefined : join(relative, key),
      );
      if (checked !== undefined) result[key] = checked;
    }
    for (const key of required) {
      if (result[key] === undefined && value[key] === undefined) {
        const description = properties[key]?.d;
        const said = `is required by the ${this.label}${description === undefined ? '' : ` (${description})`}`;
        if (this.missingRequired === 'problem') this.problems.push(problem(join(at, key), said));
        else {
          this.warnings.push(
            `${join(at, key)} ${said}, and neither the descriptor nor a profile of the platform sets it: Airbyte will refuse the configuration unless the provisioner's profile for this connector sets it`,
          );
        }
      } else if (result[key] === undefined) {
        this.problems.push(problem(join(at, key), `is required by the ${this.label} and may not be empty`));
      }
    }
    return result;
  }

  private unknownKey(path: string, key: string, known: ReadonlyArray<string>): void {
    this.unknownKeys.push(path);
    const closest = closestKey(key, known);
    this.warnings.push(
      closest === undefined
        ? `${path} is not a setting of the ${this.label}: Airbyte ignores or refuses it`
        : `${path} is not a setting of the ${this.label}: did you mean \`${closest}\`?`,
    );
  }
}

/**
 * Checks a configuration against its connector's schema; `path` is where the configuration is in the
 * descriptor, `label` names the connector in messages (`file source`).
 */
/**
 * What a missing required field is: a problem, or (when the platform has no profile for the connector,
 * whose settings such as a Snowflake host it owns) a warning that Airbyte will refuse it.
 */
export type MissingRequired = 'problem' | 'warning';

export const checkConfiguration = (
  schema: ConnectorSchemaNode,
  configuration: JsonObject,
  path: string,
  label: string,
  missingRequired: MissingRequired = 'problem',
): ConfigurationCheck => {
  const checker = new Checker(label, missingRequired);
  const checked = checker.value({ t: 'object', ...schema }, configuration, path, '');
  return {
    problems: checker.problems,
    warnings: checker.warnings,
    configuration: isObject(checked) ? checked : configuration,
    secretPaths: [...new Set(checker.secretPaths)].sort(),
    unknownKeys: checker.unknownKeys,
  };
};
