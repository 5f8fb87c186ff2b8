/**
 * `${env:NAME}` references in the profiles file, so that secrets stay in the environment (or a secret
 * store mounted as env) and the file can live in version control. The values they bring in are secrets.
 */
import type { JsonObject, JsonValue, Problem } from '@airbyte-provisioner/core';
import { problem } from '@airbyte-provisioner/core';

const REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface Resolved<A> {
  readonly value: A;
  /** Dot paths of the values that came, whole or in part, from a reference. */
  readonly secretPaths: ReadonlyArray<string>;
  readonly problems: ReadonlyArray<Problem>;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

const resolveValue = (
  value: JsonValue,
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Resolved<JsonValue> => {
  if (typeof value === 'string') {
    const problems: Problem[] = [];
    let referenced = false;
    const text = value.replace(REFERENCE, (_whole, name: string) => {
      referenced = true;
      const found = env[name];
      if (found === undefined || found === '') {
        problems.push(problem(path, `refers to \${env:${name}}, but ${name} is not set`));
        return '';
      }
      return found;
    });
    return { value: text, secretPaths: referenced ? [path] : [], problems };
  }
  if (Array.isArray(value)) {
    const items = (value as ReadonlyArray<JsonValue>).map((v, i) => resolveValue(v, `${path}[${i}]`, env));
    return {
      value: items.map((r) => r.value),
      secretPaths: items.flatMap((r) => r.secretPaths),
      problems: items.flatMap((r) => r.problems),
    };
  }
  if (value !== null && typeof value === 'object') return resolveReferences(value as JsonObject, path, env);
  return { value, secretPaths: [], problems: [] };
};

export const resolveReferences = (
  object: JsonObject,
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Resolved<JsonObject> => {
  const entries = Object.entries(object).map(
    ([key, v]) => [key, resolveValue(v, join(path, key), env)] as const,
  );
  return {
    value: Object.fromEntries(entries.map(([key, r]) => [key, r.value])),
    secretPaths: entries.flatMap(([, r]) => r.secretPaths),
    problems: entries.flatMap(([, r]) => r.problems),
  };
};
