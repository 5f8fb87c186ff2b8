/**
 * Where in the text a problem is, as `line:column` (1-based), so that a person can jump to it: the node at
 * the problem's dot path, or, for a field that is missing, the key of the closest mapping that holds it;
 * a syntax error carries its position in its message. Parses again, on demand: only for reporting.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import * as E from 'fp-ts/lib/Either.js';
import type { Problem } from '../errors/problem.js';
import { parseYamlSafely } from './safe-yaml.js';

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** `a.b[2].c` as `['a', 'b', 2, 'c']`. */
export const pathSegments = (path: string): ReadonlyArray<string | number> =>
  path === ''
    ? []
    : path
        .split('.')
        .flatMap((part) =>
          part
            .split(/\[(\d+)\]/)
            .flatMap((piece, i) => (piece === '' ? [] : [i % 2 === 1 ? Number(piece) : piece])),
        );

/** Descriptors are a few KB; past this, problems keep their path only. */
export const MAX_LOCATED_CHARS = 64 * 1024;

const SYNTAX_POSITION = / at line (\d+), column (\d+)/;

const positionInMessage = (message: string): TextPosition | undefined => {
  const at = SYNTAX_POSITION.exec(message);
  return at === null ? undefined : { line: Number(at[1]), column: Number(at[2]) };
};

const startOf = (node: unknown): number | undefined => {
  const range = (node as { range?: readonly [number, number, number] } | null)?.range;
  return range?.[0];
};

/** The offset of the node at the path, else of the key (or item) of its deepest ancestor in the text. */
const offsetOf = (root: unknown, segments: ReadonlyArray<string | number>): number | undefined => {
  let node: unknown = root;
  // where the closest existing ancestor is named: its key in a mapping, the item itself in a list
  // (none for a missing top-level key: the start of the text would point at nothing in particular)
  let ancestor: number | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(segment),
      );
      if (pair === undefined) return ancestor;
      ancestor = startOf(pair.key) ?? ancestor;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) return ancestor;
      ancestor = startOf(item) ?? ancestor;
      node = item;
    } else return ancestor;
  }
  return startOf(node) ?? ancestor;
};

/**
 * The position of each problem in `text` (the YAML or JSON it was found in), `undefined` where it has
 * none. `prefix` is the path of the text inside the problems' paths (e.g. `descriptor`), if any.
 */
export const problemPositions = (
  text: string,
  problems: ReadonlyArray<Problem>,
  prefix = '',
): ReadonlyArray<TextPosition | undefined> => {
  const lines = new LineCounter();
  const options = { lineCounter: lines, uniqueKeys: false, logLevel: 'silent' } as const;
  let doc: ReturnType<typeof parseDocument> | undefined | null = null;
  // a text the safe parser refuses (too big, too deep, alias bombs) is not parsed again here: it could
  // take the unguarded parser tens of seconds; its problems carry their position in their message
  // and a large text is not parsed a second time at all: its position is not worth the time
  const document = () => {
    if (doc === null)
      doc =
        text.length <= MAX_LOCATED_CHARS && E.isRight(parseYamlSafely(text, 'descriptor'))
          ? parseDocument(text, options)
          : undefined;
    return doc;
  };
  return problems.map((p) => {
    const inMessage = positionInMessage(p.message);
    if (inMessage !== undefined) return inMessage;
    const relative =
      prefix === ''
        ? p.path
        : p.path === prefix
          ? ''
          : p.path.startsWith(`${prefix}.`)
            ? p.path.slice(prefix.length + 1)
            : undefined;
    if (relative === undefined || relative === '') return undefined;
    const parsed = document();
    if (parsed === undefined || parsed.errors.length > 0) return undefined;
    const offset = offsetOf(parsed.contents, pathSegments(relative));
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  });
};
