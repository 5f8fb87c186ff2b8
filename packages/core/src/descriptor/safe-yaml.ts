/**
 * YAML parsing that a hostile descriptor cannot turn into a crash or a memory blow-up: the size is
 * bounded, aliases are bounded, only the core schema's tags are accepted, and nesting depth is checked.
 * Every failure is a problem with a line and column where the parser gives one.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  isAlias,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  Lexer,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { distinctProblems, problem, type Problem } from '../errors/problem.js';

export interface YamlLimits {
  readonly maxBytes: number;
  readonly maxAliasCount: number;
  readonly maxDepth: number;
}

export const defaultYamlLimits: YamlLimits = { maxBytes: 1_000_000, maxAliasCount: 100, maxDepth: 64 };

/** The length of `text` in UTF-8, counted without encoding it. */
const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a surrogate pair is one code point of 4 bytes (a lone surrogate is encoded as U+FFFD, 3 bytes)
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
};

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

// The core schema's own tags: anything else (`!!binary`, `!!set`, `!!timestamp`, `!foo`) yields values
// that are not plain JSON, so it is refused rather than resolved.
const coreTags = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

const position = (linePos: ReadonlyArray<{ line: number; col: number }> | undefined): string => {
  const at = linePos?.[0];
  return at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
};

// The parser appends its own position and a code excerpt to messages: keep the first line, without them.
const firstLine = (message: string): string =>
  (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');

const isStackOverflow = (message: string): boolean => message.includes('Maximum call stack size exceeded');

const tooDeep = (path: string, limits: YamlLimits): Problem =>
  problem(path, `is nested deeper than ${limits.maxDepth} levels`);

// A hostile input can repeat one mistake a hundred thousand times: the answer names the first ones.
const maxReported = 100;
const capped = (problems: ReadonlyArray<Problem>, path: string): ReadonlyArray<Problem> =>
  problems.length <= maxReported
    ? problems
    : [
        ...problems.slice(0, maxReported),
        problem(path, `has ${problems.length - maxReported} more YAML problems like these (not listed)`),
      ];

/**
 * Calls `onNode` on `node` and everything under it, in document order (a pair, then its key, then its
 * value), as yaml's `visit` does without the frozen path array it allocates for every node: that walk was
 * a tenth of a descriptor's validation. It recurses as deep as the composer that built the document did
 * (and as `visit` did): a stack overflow is caught and answered as too deep, like the parser's.
 */
const walkInOrder = (node: unknown, onNode: (node: unknown) => void): void => {
  onNode(node);
  if (isCollection(node)) for (const item of node.items) walkInOrder(item, onNode);
  else if (isPair(node)) {
    walkInOrder(node.key, onNode);
    walkInOrder(node.value, onNode);
  }
};

/**
 * Tags outside the core schema and mapping keys that are collections, which plain JSON cannot hold, and
 * aliases to no anchor (found here, in one pass, to give their position).
 */
const unsupportedNodes = (doc: Document, lines: LineCounter, path: string): ReadonlyArray<Problem> => {
  const found: Problem[] = [];
  const at = (node: Node): string =>
    node.range === undefined || node.range === null ? '' : position([lines.linePos(node.range[0])]);
  // visit walks in document order, so an anchor not seen yet is one the alias cannot refer to
  const anchors = new Set<string>();
  walkInOrder(doc.contents, (node) => {
    if (isAlias(node) && !anchors.has(node.source)) {
      found.push(
        problem(
          path,
          `is not valid YAML${at(node)}: the alias *${node.source} refers to no anchor &${node.source} defined before it`,
        ),
      );
    } else if (isNode(node) && node.anchor !== undefined) anchors.add(node.anchor);
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (keys.has(key) && isNode(pair.key)) {
          found.push(problem(path, `is not valid YAML${at(pair.key)}: Map keys must be unique`));
        }
        keys.add(key);
      }
    }
    if (isPair(node) && isCollection(node.key)) {
      found.push(
        problem(path, `uses a list or mapping as a mapping key${at(node.key)}; keys must be plain values`),
      );
    } else if (isNode(node) && node.tag !== undefined && !coreTags.has(node.tag)) {
      found.push(problem(path, `uses a YAML tag this provisioner does not accept${at(node)}: ${node.tag}`));
    }
  });
  return found;
};

/**
 * How deep the parser would have to recurse, from one linear pass over the lexer's tokens: open flow
 * collections plus the compact block indicators (`- - -`, `? ? ?`) on the current line. The parser recurses
 * per level and a 1 MB input nested on one line takes it tens of seconds or exhausts the heap, so such
 * input is refused before parsing. Indentation-only nesting costs a quadratic size, so it stays cheap.
 */
/**
 * A bound for a descriptor in block style (what platforms write): when every flow collection is an empty
 * `[]` or `{}`, flow nesting is at most 1, and a line cannot hold more compact indicators than it has
 * `-` and `?` characters. One pass over the characters, allocating nothing: large descriptors are not
 * lexed twice. Infinity when the text has other flow collections.
 */
const blockStyleBound = (text: string): number => {
  let line = 0;
  let max = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line = 0;
    else if (c === 0x2d || c === 0x3f)
      max = Math.max(max, ++line); // - ?
    else if (c === 0x5b || c === 0x7b) {
      // [ { : only as [] or {}
      if (text.charCodeAt(i + 1) !== c + 2) return Infinity;
      i += 1;
    }
  }
  return 1 + max;
};

const nestingBound = (text: string, maxDepth: number): number => {
  // each level needs one of these characters: a text with few of them cannot be nested deeper (most
  // descriptors), and is not lexed twice
  let indicators = 0;
  for (let i = 0; i < text.length && indicators <= maxDepth; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b || c === 0x2d || c === 0x3f) indicators += 1; // [ { - ?
  }
  if (indicators <= maxDepth) return indicators;
  const blockBound = blockStyleBound(text);
  if (blockBound <= maxDepth) return blockBound;

  let flow = 0;
  let compact = 0;
  let max = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') flow += 1;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (token === '-' || token === '?') compact += 1;
    else if (token === '\n' || token === '\r\n') compact = 0;
    max = Math.max(max, flow + compact);
  }
  return max;
};

// Alias failures surface while the document is turned into values; the parser words them for its API.
const readFailure = (message: string, limits: YamlLimits): string => {
  const unresolved = /^Unresolved alias.*?: (.*)$/.exec(message);
  if (unresolved !== null) {
    return `is not valid YAML: the alias *${unresolved[1]} refers to no anchor &${unresolved[1]} defined before it`;
  }
  if (message.includes('Excessive alias count')) {
    return `uses aliases (*name) that expand beyond the limit of ${limits.maxAliasCount}; write the values out instead`;
  }
  return `could not be read safely: ${firstLine(message) || 'unreadable YAML'}`;
};

/** Parses one YAML document into plain JSON values, or says every problem found. Nothing is kept. */
export const parseYamlSafely = (
  text: string,
  path: string,
  limits: YamlLimits = defaultYamlLimits,
): E.Either<ReadonlyArray<Problem>, unknown> => {
  // a UTF-16 unit is at most 3 bytes of UTF-8: only a text that long can be over the limit
  const bytes = text.length * 3 > limits.maxBytes ? utf8Length(text) : text.length;
  if (bytes > limits.maxBytes) {
    return E.left([problem(path, `is ${bytes} bytes long (UTF-8); the limit is ${limits.maxBytes} bytes`)]);
  }
  if (text.includes('\u0000'))
    return E.left([problem(path, 'contains a NUL character, which YAML does not allow')]);
  try {
    if (nestingBound(text, limits.maxDepth) > limits.maxDepth) return E.left([tooDeep(path, limits)]);
    const lines = new LineCounter();
    const doc = parseDocument(text, {
      schema: 'core',
      customTags: [],
      // the parser's own check compares each key with all others (50,000 keys took a minute): ours is linear
      uniqueKeys: false,
      logLevel: 'error',
      lineCounter: lines,
    });
    // A deeply nested input overflows the parser's stack at every level: one problem says it all.
    if (doc.errors.some((e) => isStackOverflow(e.message))) return E.left([tooDeep(path, limits)]);
    const errors = distinctProblems(
      doc.errors.map((e) =>
        problem(
          path,
          `is not valid YAML${position(e.linePos)}: ${
            // the parser's own wording points at its API (parseAllDocuments), not at the input
            e.code === 'MULTIPLE_DOCS'
              ? 'it holds several documents (separated by ---); send exactly one'
              : firstLine(e.message) || e.code
          }`,
        ),
      ),
    );
    if (errors.length > 0) return E.left(capped(errors, path));
    const unknownTags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (unknownTags.length > 0) {
      return E.left(
        unknownTags.map((w) =>
          problem(
            path,
            `uses a YAML tag this provisioner does not accept${position(w.linePos)}: ${firstLine(w.message)}`,
          ),
        ),
      );
    }
    const unsupported = unsupportedNodes(doc, lines, path);
    if (unsupported.length > 0) return E.left(capped(unsupported, path));
    const value: unknown = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    if (deeperThan(value, limits.maxDepth)) return E.left([tooDeep(path, limits)]);
    return E.right(value);
  } catch (e) {
    if (e instanceof RangeError && isStackOverflow(e.message)) return E.left([tooDeep(path, limits)]);
    return E.left([problem(path, readFailure(e instanceof Error ? e.message : '', limits))]);
  }
};
