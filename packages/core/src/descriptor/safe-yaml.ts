/**
 * YAML parsing that a hostile descriptor cannot turn into a crash or a memory blow-up: the size is
 * bounded, aliases are bounded, only the core schema's tags are accepted, and nesting depth is checked.
 * Every failure is a problem with a line and column where the parser gives one.
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseDocument } from 'yaml';
import { problem, type Problem } from '../errors/problem.js';

export interface YamlLimits {
  readonly maxBytes: number;
  readonly maxAliasCount: number;
  readonly maxDepth: number;
}

export const defaultYamlLimits: YamlLimits = { maxBytes: 1_000_000, maxAliasCount: 100, maxDepth: 64 };

const deeperThan = (value: unknown, maxDepth: number): boolean => {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
};

export const parseYamlSafely = (
  text: string,
  path: string,
  limits: YamlLimits = defaultYamlLimits,
): E.Either<ReadonlyArray<Problem>, unknown> => {
  if (text.length > limits.maxBytes) {
    return E.left([problem(path, `is ${text.length} characters long; the limit is ${limits.maxBytes}`)]);
  }
  if (text.includes('\u0000'))
    return E.left([problem(path, 'contains a NUL character, which YAML does not allow')]);
  try {
    const doc = parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: true });
    const errors = doc.errors.map((e) => {
      const at = e.linePos?.[0];
      const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
      return problem(path, `is not valid YAML${where}: ${e.message.split('\n')[0] ?? e.code}`);
    });
    if (errors.length > 0) return E.left(errors);
    const unknownTags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (unknownTags.length > 0) {
      return E.left(
        unknownTags.map((w) =>
          problem(path, `uses a YAML tag this provisioner does not accept: ${w.message}`),
        ),
      );
    }
    const value: unknown = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    if (deeperThan(value, limits.maxDepth)) {
      return E.left([problem(path, `is nested deeper than ${limits.maxDepth} levels`)]);
    }
    return E.right(value);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : 'unreadable YAML';
    return E.left([problem(path, `could not be read safely: ${message}`)]);
  }
};
