/**
 * A compact binary encoding for many similar JSON documents: task results differ mostly in ids, secret
 * fingerprints and timestamps. A document is stored as edits against a shared reference document, and
 * what the edits add is packed by kind: a UUID in 16 bytes, a run of hex digits two to a byte, a value
 * told earlier in the same document (a connection id in a link and in the ids) as its number. Ids and
 * fingerprints are random, so what is left is close to their entropy. Pure code, so it runs anywhere the
 * core does.
 *
 * Layout: hunks of [copy length][literal][reference jump] to the end; a literal is [piece count] then
 * pieces, each with a header `n * 4 + kind`: raw (n UTF-16 code units as varints), hex (n digits),
 * UUID (n = 0, 16 bytes), again (n = which earlier piece: packed, or raw of 8 units or more).
 */
import type { ByteWriter } from './byte-writer.js';
import {
  CorruptBytes,
  hexValue,
  isHexDigit,
  isUuid,
  readVarint,
  unzigzag,
  zigzag,
  type Cursor,
} from './byte-writer.js';

const GRAM = 6;
const SEARCH_WINDOW = 96;

export interface Reference {
  readonly text: string;
  /** Positions of the GRAM-long substrings of `text` by the hash of their characters, ascending. */
  readonly grams: ReadonlyMap<number, ReadonlyArray<number>>;
}

// grams are looked up by a hash of their characters, so a lookup allocates no substring
const gramHash = (text: string, at: number): number => {
  let h = 0;
  for (let k = at; k < at + GRAM; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  return h;
};

const sameGram = (a: string, at: number, b: string, bt: number): boolean => {
  for (let k = 0; k < GRAM; k++) if (a.charCodeAt(at + k) !== b.charCodeAt(bt + k)) return false;
  return true;
};

export const makeReference = (text: string): Reference => {
  const grams = new Map<number, number[]>();
  for (let p = 0; p + GRAM <= text.length; p++) {
    const h = gramHash(text, p);
    const at = grams.get(h);
    if (at === undefined) grams.set(h, [p]);
    else at.push(p);
  }
  return { text, grams };
};

// ---- literals ----------------------------------------------------------------------------------

const RAW = 0;
const HEX = 1;
const UUID = 2;
const AGAIN = 3;

// lower case, as Airbyte and randomUUID write them; a run of 8 digits or more is worth packing
const PACKABLE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{8,}/g;
const DIGITS = '0123456789abcdef';
const RAW_SLICE = 4096;
/** A raw piece this long may be told again by number (a timestamp repeated in every log line). */
const MIN_TOLD_RAW = 8;
const nibble = (text: string, k: number): number => (k < text.length ? hexValue(text.charCodeAt(k)) : 0);

/** Pieces told in this document so far that may be told again, by text, numbered in order. */
type Told = Map<string, number>;

const writeHexDigits = (w: ByteWriter, digits: string): void => {
  for (let k = 0; k < digits.length; k += 2) w.byte(nibble(digits, k) * 16 + nibble(digits, k + 1));
};

const writePacked = (w: ByteWriter, piece: string, told: Told): void => {
  const earlier = told.get(piece);
  if (earlier !== undefined) {
    w.varint(earlier * 4 + AGAIN);
    return;
  }
  told.set(piece, told.size);
  if (isUuid(piece)) {
    w.varint(UUID);
    w.uuid(piece);
  } else {
    w.varint(piece.length * 4 + HEX);
    writeHexDigits(w, piece);
  }
};

const writeRaw = (w: ByteWriter, piece: string, told: Told): void => {
  if (piece.length >= MIN_TOLD_RAW) {
    const earlier = told.get(piece);
    if (earlier !== undefined) {
      w.varint(earlier * 4 + AGAIN);
      return;
    }
    told.set(piece, told.size);
  }
  w.varint(piece.length * 4 + RAW);
  for (let k = 0; k < piece.length; k++) w.varint(piece.charCodeAt(k));
};

const writeLiteral = (w: ByteWriter, literal: string, told: Told): void => {
  const pieces: Array<readonly [boolean, string]> = [];
  let last = 0;
  for (const match of literal.matchAll(PACKABLE)) {
    if (match.index > last) pieces.push([false, literal.slice(last, match.index)]);
    pieces.push([true, match[0]]);
    last = match.index + match[0].length;
  }
  if (last < literal.length) pieces.push([false, literal.slice(last)]);
  w.varint(pieces.length);
  for (const [packed, piece] of pieces) {
    if (packed) writePacked(w, piece, told);
    else writeRaw(w, piece, told);
  }
};

const readHexDigits = (bytes: Uint8Array, at: Cursor, count: number): string => {
  if (at.i + Math.ceil(count / 2) > bytes.length) throw new CorruptBytes('hex digits run past the end');
  let digits = '';
  for (let k = 0; k < count; k += 2) {
    const b = bytes[at.i++]!;
    digits += DIGITS[b >> 4]! + (k + 1 < count ? DIGITS[b & 15]! : '');
  }
  return digits;
};

const readLiteral = (bytes: Uint8Array, at: Cursor, told: string[]): string => {
  const count = readVarint(bytes, at);
  let literal = '';
  for (let p = 0; p < count; p++) {
    const header = readVarint(bytes, at);
    const n = Math.floor(header / 4);
    switch (header % 4) {
      case RAW: {
        // in slices: a long literal would overflow the argument list of fromCharCode
        let piece = '';
        for (let k = 0; k < n; k += RAW_SLICE) {
          const units: number[] = [];
          for (let u = k; u < Math.min(n, k + RAW_SLICE); u++) units.push(readVarint(bytes, at));
          piece += String.fromCharCode(...units);
        }
        if (n >= MIN_TOLD_RAW) told.push(piece);
        literal += piece;
        break;
      }
      case HEX: {
        const piece = readHexDigits(bytes, at, n);
        told.push(piece);
        literal += piece;
        break;
      }
      case UUID: {
        const d = readHexDigits(bytes, at, 32);
        const piece = `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}`;
        told.push(piece);
        literal += piece;
        break;
      }
      default: {
        const piece = told[n];
        if (piece === undefined) throw new CorruptBytes(`piece ${n} is told again before it was told`);
        literal += piece;
      }
    }
  }
  return literal;
};

// ---- edits -------------------------------------------------------------------------------------

/** The reference position of `text[k..k+GRAM)` nearest to `expected`, if the gram occurs. */
const nearest = (ref: Reference, text: string, k: number, expected: number): number | undefined => {
  const positions = ref.grams.get(gramHash(text, k));
  if (positions === undefined) return undefined;
  let best: number | undefined;
  for (const p of positions) {
    if (!sameGram(ref.text, p, text, k)) continue;
    if (best === undefined || Math.abs(p - expected) < Math.abs(best - expected)) best = p;
  }
  return best;
};

/** Appends the edits turning `ref.text` into `text`. */
export const encodeAgainst = (ref: Reference, text: string, w: ByteWriter): void => {
  const r = ref.text;
  const told: Told = new Map();
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
    // a copy that stops inside a run of hex digits matched part of a random id by chance: the whole run
    // goes into the literal instead, where it packs (a UUID cut in two packs as neither)
    let backedOff = false;
    if (i + copy < text.length)
      while (copy > 0 && isHexDigit(text.charCodeAt(i + copy - 1)) && isHexDigit(text.charCodeAt(i + copy))) {
        copy--;
        backedOff = true;
      }
    i += copy;
    j += copy;
    // nor does an edit start inside a run of hex digits; and a copy given back entirely leaves at least
    // one character to the literal, so every hunk moves forward
    const first = backedOff && copy === 0 ? i + 1 : i;
    let resync: { readonly k: number; readonly l: number } | undefined;
    for (let k = first; k + GRAM <= text.length && k - i <= SEARCH_WINDOW && resync === undefined; k++) {
      if (k > i && isHexDigit(text.charCodeAt(k)) && isHexDigit(text.charCodeAt(k - 1))) continue;
      const l = nearest(ref, text, k, j + (k - i));
      if (l !== undefined) resync = { k, l };
    }
    const end = resync?.k ?? text.length;
    w.varint(copy);
    writeLiteral(w, text.slice(i, end), told);
    w.varint(zigzag(resync === undefined ? 0 : resync.l - j));
    i = end;
    j = resync?.l ?? j;
  }
};

/** Applies the edits in `bytes` to `reference`; throws CorruptBytes if they are not edits of it. */
export const decodeAgainst = (reference: string, bytes: Uint8Array): string => {
  const parts: string[] = [];
  const told: string[] = [];
  const at: Cursor = { i: 0 };
  let j = 0;
  while (at.i < bytes.length) {
    const copy = readVarint(bytes, at);
    if (j < 0 || j + copy > reference.length) throw new CorruptBytes('a copy reaches outside the reference');
    parts.push(reference.slice(j, j + copy));
    j += copy;
    parts.push(readLiteral(bytes, at, told));
    j += unzigzag(readVarint(bytes, at));
  }
  // no read goes past the end (each checks it), so the last hunk ended exactly where the bytes do
  return parts.join('');
};
