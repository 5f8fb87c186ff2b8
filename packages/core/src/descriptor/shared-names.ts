/**
 * Within one data product, two Airbyte components that declare the same source, destination or connection
 * name would deploy into one Airbyte resource: the second deploy rewrites the first one's, and removing
 * either removes both. Such a pair is refused, naming both paths.
 */
import { problem, type Problem } from '../errors/problem.js';

type Mapping = Readonly<Record<string, unknown>>;

const isMapping = (u: unknown): u is Mapping => typeof u === 'object' && u !== null && !Array.isArray(u);

export const RESOURCE_KINDS = ['source', 'destination', 'connection'] as const;
export type ResourceKindName = (typeof RESOURCE_KINDS)[number];

/** Whether a component's `specific` has any part of an Airbyte workload (a source, destination or connection). */
export const looksLikeAirbyteWorkload = (specific: unknown): boolean =>
  isMapping(specific) && RESOURCE_KINDS.some((kind) => specific[kind] !== undefined);

/** The name a component declares for one of its resources, when it is a non-empty string. */
export const declaredName = (specific: unknown, kind: ResourceKindName): string | undefined => {
  const part = isMapping(specific) ? specific[kind] : undefined;
  const name = isMapping(part) ? part['name'] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
};

/** The names of the component at `index` that another component of the data product declares too. */
export const sharedNameProblems = (
  components: ReadonlyArray<unknown>,
  index: number,
  kinds: ReadonlyArray<ResourceKindName> = RESOURCE_KINDS,
): ReadonlyArray<Problem> => {
  const own = components[index];
  const specific = isMapping(own) ? own['specific'] : undefined;
  const found: Problem[] = [];
  for (const kind of kinds) {
    const name = declaredName(specific, kind);
    if (name === undefined) continue;
    components.forEach((other, j) => {
      if (j === index || !isMapping(other) || declaredName(other['specific'], kind) !== name) return;
      const id = typeof other['id'] === 'string' ? ` (component ${other['id']})` : '';
      found.push(
        problem(
          `dataProduct.components[${index}].specific.${kind}.name`,
          `${JSON.stringify(name)} is also the ${kind} name of dataProduct.components[${j}].specific.${kind}.name${id}: both components would deploy into one Airbyte ${kind}, and removing either would remove it for both; give each component its own name`,
        ),
      );
    });
  }
  return found;
};
