/**
 * Variants of the Witboost example descriptor: distinct components (for concurrency), changed ones (for
 * re-deploys) and data products with many components (for scale). They are built by editing the parsed
 * example, so they stay exactly as valid as the example itself.
 */
import { parse, stringify } from 'yaml';

type Json = Record<string, unknown>;

const asObject = (value: unknown, what: string): Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`the Witboost example descriptor has no object at ${what}`);
  }
  return value as Json;
};

interface ParsedExample {
  readonly root: Json;
  readonly components: ReadonlyArray<Json>;
  readonly target: Json;
  readonly targetId: string;
}

const parseExample = (example: string): ParsedExample => {
  const root = asObject(parse(example), '(root)');
  const dataProduct = asObject(root['dataProduct'], 'dataProduct');
  const components = dataProduct['components'];
  if (!Array.isArray(components)) throw new Error('the Witboost example has no dataProduct.components');
  const targetId = root['componentIdToProvision'];
  if (typeof targetId !== 'string') throw new Error('the Witboost example has no componentIdToProvision');
  const target = (components as Json[]).find((component) => component['id'] === targetId);
  if (target === undefined) throw new Error(`no component ${targetId} in the Witboost example`);
  return { root, components: components as Json[], target, targetId };
};

const clone = <A>(value: A): A => structuredClone(value);

/** The provisioned component renamed with `suffix`: its id and the three Airbyte resource names. */
const renamedComponent = (target: Json, targetId: string, suffix: string): Json => {
  const component = clone(target);
  component['id'] = `${targetId}${suffix}`;
  if (typeof component['name'] === 'string') component['name'] = `${component['name']}${suffix}`;
  const specific = asObject(component['specific'], 'specific');
  for (const key of ['source', 'destination', 'connection']) {
    const resource = asObject(specific[key], `specific.${key}`);
    resource['name'] = `${String(resource['name'])}${suffix}`;
  }
  return component;
};

/** The example with its provisioned component (and that component's Airbyte names) suffixed. */
export const distinctComponent = (example: string, suffix: string): string => {
  const { root, components, target, targetId } = parseExample(example);
  const copy = clone(root);
  const renamed = renamedComponent(target, targetId, suffix);
  asObject(copy['dataProduct'], 'dataProduct')['components'] = components.map((component) =>
    component === target ? renamed : component,
  );
  copy['componentIdToProvision'] = renamed['id'];
  return stringify(copy);
};

/** Edits the provisioned component's `specific` in place (e.g. to change one field). */
export const withSpecific = (descriptor: string, edit: (specific: Json) => void): string => {
  const root = asObject(parse(descriptor), '(root)');
  const dataProduct = asObject(root['dataProduct'], 'dataProduct');
  const target = (dataProduct['components'] as Json[]).find(
    (component) => component['id'] === root['componentIdToProvision'],
  );
  if (target === undefined) throw new Error('componentIdToProvision names no component');
  edit(asObject(target['specific'], 'specific'));
  return stringify(root);
};

/**
 * A data product with `total` components: the example's other components, then copies of the provisioned
 * one (distinct ids and names) up to `total`; the last copy is the one to provision.
 */
export const dataProductWith = (example: string, total: number): string => {
  const { root, components, target, targetId } = parseExample(example);
  const others = components.filter((component) => component !== target);
  const copies = Math.max(1, total - others.length);
  const clones = Array.from({ length: copies }, (_, i) => renamedComponent(target, targetId, `-${i + 1}`));
  const copy = clone(root);
  asObject(copy['dataProduct'], 'dataProduct')['components'] = [...others, ...clones];
  copy['componentIdToProvision'] = clones[clones.length - 1]?.['id'];
  return stringify(copy);
};
