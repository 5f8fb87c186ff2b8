/**
 * A compact text encoding for many similar JSON documents (task results differ mostly in ids and
 * timestamps): a document is stored as edits against a shared reference document, runs of hex digits
 * packed two per character. Pure string code, so it runs anywhere the core does.
 *
 * Code layout: hunks of [copy length][literal header][literal][reference jump], numbers as 7-bit varints
 * in characters 0-255 (so an ASCII document encodes to a one-byte string).
 */

const GRAM = 6;
const SEARCH_WINDOW = 96;

export interface Reference {
  readonly text: string;
  /** Positions of each GRAM-long substring of `text`, ascending. */
  readonly grams: ReadonlyMap<string, ReadonlyArray<number>>;
}

export const makeReference = (text: string): Reference => {
  const grams = new Map<string, number[]>();
  for (let p = 0; p + GRAM <= text.length; p++) {
    const gram = text.slice(p, p + GRAM);
    const at = grams.get(gram);
    if (at === undefined) grams.set(gram, [p]);
    else at.push(p);
  }
  return { text, grams };
};

// ---- numbers -----------------------------------------------------------------------------------

export const writeVarint = (out: string[], value: number): void => {
  let v = value;
  while (v >= 0x80) {
    out.push(String.fromCharCode((v % 0x80) | 0x80));
    v = Math.floor(v / 0x80);
  }
  out.push(String.fromCharCode(v));
};

export const readVarint = (code: string, at: { i: number }): number => {
  let value = 0;
  let scale = 1;
  for (;;) {
    const c = code.charCodeAt(at.i++);
    value += (c & 0x7f) * scale;
    if (c < 0x80) return value;
    scale *= 0x80;
  }
};

export const zigzag = (n: number): number => (n < 0 ? -2 * n - 1 : 2 * n);
export const unzigzag = (z: number): number => (z % 2 === 1 ? -(z + 1) / 2 : z / 2);

// ---- literals ----------------------------------------------------------------------------------

const HEX = '0123456789abcdef';
const isHex = (s: string): boolean => s.length >= 4 && /^[0-9a-f]+$/.test(s);

const writeLiteral = (out: string[], literal: string): void => {
  if (!isHex(literal)) {
    writeVarint(out, literal.length * 2);
    out.push(literal);
    return;
  }
  writeVarint(out, literal.length * 2 + 1);
  for (let k = 0; k < literal.length; k += 2) {
    const hi = HEX.indexOf(literal[k]!);
    const lo = k + 1 < literal.length ? HEX.indexOf(literal[k + 1]!) : 0;
    out.push(String.fromCharCode(hi * 16 + lo));
  }
};

const readLiteral = (code: string, at: { i: number }): string => {
  const header = readVarint(code, at);
  const length = Math.floor(header / 2);
  if (header % 2 === 0) {
    const literal = code.slice(at.i, at.i + length);
    at.i += length;
    return literal;
  }
  let literal = '';
  for (let k = 0; k < length; k += 2) {
    const c = code.charCodeAt(at.i++);
    literal += HEX[c >> 4]! + (k + 1 < length ? HEX[c & 15]! : '');
  }
  return literal;
};

// ---- edits -------------------------------------------------------------------------------------

/** The reference position of `text[k..k+GRAM)` nearest to `expected`, if the gram occurs. */
const nearest = (ref: Reference, gram: string, expected: number): number | undefined => {
  const positions = ref.grams.get(gram);
  if (positions === undefined) return undefined;
  let best = positions[0]!;
  for (const p of positions) if (Math.abs(p - expected) < Math.abs(best - expected)) best = p;
  return best;
};

/** Appends the edits turning `ref.text` into `text` to `out`. */
export const encodeAgainst = (ref: Reference, text: string, out: string[]): void => {
  const r = ref.text;
  let i = 0;
  let j = 0;
  while (i < text.length) {
    let copy = 0;
    while (
      i + copy < text.length &&
      j + copy < r.length &&
      text.charCodeAt(i + copy) === r.charCodeAt(j + copy)
    )
      copy++;
    i += copy;
    j += copy;
    let resync: { readonly k: number; readonly l: number } | undefined;
    for (let k = i; k + GRAM <= text.length && k - i <= SEARCH_WINDOW && resync === undefined; k++) {
      const l = nearest(ref, text.slice(k, k + GRAM), j + (k - i));
      if (l !== undefined) resync = { k, l };
    }
    const end = resync?.k ?? text.length;
    writeVarint(out, copy);
    writeLiteral(out, text.slice(i, end));
    writeVarint(out, zigzag(resync === undefined ? 0 : resync.l - j));
    i = end;
    j = resync?.l ?? j;
  }
};

/** Reads edits from `code` (starting at `at.i`, to its end) and applies them to `reference`. */
export const decodeAgainst = (reference: string, code: string, at: { i: number }): string => {
  const parts: string[] = [];
  let j = 0;
  while (at.i < code.length) {
    const copy = readVarint(code, at);
    parts.push(reference.slice(j, j + copy));
    j += copy;
    parts.push(readLiteral(code, at));
    j += unzigzag(readVarint(code, at));
  }
  return parts.join('');
};
