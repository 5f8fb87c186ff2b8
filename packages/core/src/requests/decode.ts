/**
 * io-ts decoding that reports problems the way a data engineer reads them: one per wrong field, with a
 * dot path (`specific.source.name`, `components[2].kind`) and what was expected.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { problem, type Problem } from '../errors/problem.js';

// Intersection and union members are numbered like array items; only array indices and keys are shown.
const isMemberOf = (parent: t.ContextEntry | undefined): boolean => {
  const tag = (parent?.type as { readonly _tag?: string } | undefined)?._tag;
  return tag === 'IntersectionType' || tag === 'UnionType';
};

const pathOf = (context: t.Context, root: string): string =>
  context.slice(1).reduce((path, entry, i) => {
    const parent = context[i];
    if (/^\d+$/.test(entry.key) && !isMemberOf(parent) && Array.isArray(parent?.actual)) {
      return `${path}[${entry.key}]`;
    }
    if (/^\d+$/.test(entry.key) || entry.key === '') return path;
    return path === '' ? entry.key : `${path}.${entry.key}`;
  }, root);

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
};

const expectedOf = (error: t.ValidationError): string => {
  const type = error.context[error.context.length - 1]?.type;
  const name = type?.name ?? 'a valid value';
  return name.startsWith('"') || name.includes(' | ') ? `one of ${name.replace(/ \| /g, ', ')}` : name;
};

/** Turns io-ts errors into problems, one per path (a union's alternatives are reported once). */
export const problemsFromErrors = (errors: t.Errors, root = ''): ReadonlyArray<Problem> => {
  const byPath = new Map<string, Problem>();
  for (const error of errors) {
    const path = pathOf(error.context, root);
    if (byPath.has(path)) continue;
    const message =
      error.message ??
      (error.value === undefined
        ? `is required (${expectedOf(error)})`
        : `must be ${expectedOf(error)}, got ${describe(error.value)}`);
    byPath.set(path, problem(path, message));
  }
  return [...byPath.values()];
};

export const decodeWith =
  <A, O>(codec: t.Type<A, O, unknown>, root = '') =>
  (input: unknown): E.Either<ReadonlyArray<Problem>, A> =>
    E.mapLeft((errors: t.Errors) => problemsFromErrors(errors, root))(codec.decode(input));
