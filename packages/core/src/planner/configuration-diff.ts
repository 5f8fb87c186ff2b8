/**
 * Compares the configuration we want with the one Airbyte reports, leaving secrets out: Airbyte masks
 * them on read, so they are compared through fingerprints instead (see `plan-actor.ts`).
 */
import { MASKED_SECRET } from '../domain/airbyte-state.js';
import type { JsonObject, JsonValue } from '../domain/json.js';

/** Keys Airbyte adds to the configuration it reports; they are not ours to compare. */
const AIRBYTE_OWNED_KEYS: ReadonlyArray<string> = ['sourceType', 'destinationType'];

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaves of a configuration by dot path; arrays and empty objects are leaves. */
export const leaves = (value: JsonObject, prefix = ''): ReadonlyMap<string, JsonValue> => {
  const out = new Map<string, JsonValue>();
  const walk = (v: JsonObject, at: string): void => {
    for (const [key, child] of Object.entries(v)) {
      const path = at === '' ? key : `${at}.${key}`;
      if (isObject(child) && Object.keys(child).length > 0) walk(child, path);
      else out.set(path, child);
    }
  };
  walk(value, prefix);
  return out;
};

export const jsonEqual = (a: JsonValue | undefined, b: JsonValue | undefined): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const [xs, ys] = [a as ReadonlyArray<JsonValue>, b as ReadonlyArray<JsonValue>];
    return xs.length === ys.length && xs.every((x, i) => jsonEqual(x, ys[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
};

export const isSecretPath =
  (secretPaths: ReadonlyArray<string>) =>
  (path: string): boolean =>
    secretPaths.some((s) => path === s || path.startsWith(`${s}.`));

/**
 * Dot paths (without the `configuration.` prefix) whose non-secret value differs. A key only one side
 * has counts, since an update replaces the whole configuration; masked values never count.
 */
export const changedConfigurationPaths = (
  desired: JsonObject,
  actual: JsonObject,
  secretPaths: ReadonlyArray<string>,
): ReadonlyArray<string> => {
  const secret = isSecretPath(secretPaths);
  const want = leaves(desired);
  const have = leaves(actual);
  const ignored = (path: string, value: JsonValue | undefined): boolean =>
    secret(path) || value === MASKED_SECRET || AIRBYTE_OWNED_KEYS.includes(path);
  const changed = new Set<string>();
  for (const [path, value] of want) {
    if (ignored(path, value) || ignored(path, have.get(path))) continue;
    if (!jsonEqual(value, have.get(path))) changed.add(path);
  }
  for (const [path, value] of have) {
    if (!want.has(path) && !ignored(path, value) && !hasLeafUnder(want, path)) changed.add(path);
  }
  return [...changed].sort();
};

// `a: {}` on one side and `a.b: 1` on the other are the same key seen at two depths.
const hasLeafUnder = (leavesOf: ReadonlyMap<string, JsonValue>, path: string): boolean =>
  [...leavesOf.keys()].some((p) => p.startsWith(`${path}.`) || path.startsWith(`${p}.`));

/** The value at a dot path, if any. */
export const valueAt = (value: JsonObject, path: string): JsonValue | undefined =>
  path.split('.').reduce<JsonValue | undefined>((v, key) => (isObject(v) ? v[key] : undefined), value);
