/** Bytes written into a growable buffer that is reused from one encoding to the next, and read back. */

/** A buffer grown beyond this is given up on reset: one huge encoding does not pin its size for good. */
const KEEP_AT_MOST = 64 * 1024;

export class ByteWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(private readonly initialBytes = 1024) {
    this.buffer = new Uint8Array(initialBytes);
  }

  /** Bytes the buffer can hold before it grows (for diagnostics). */
  get capacity(): number {
    return this.buffer.length;
  }

  /** The bytes written so far (a view: valid until the next write or reset). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
    if (this.buffer.length > KEEP_AT_MOST && this.buffer.length > this.initialBytes)
      this.buffer = new Uint8Array(this.initialBytes);
  }

  byte(value: number): void {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = value;
  }

  /** An unsigned integer in 7-bit groups, low group first (any safe integer). */
  varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  /** A UUID (see `isUuid`) as its 16 bytes. */
  uuid(text: string): void {
    for (let k = 0; k < 36; k += 2) {
      if (text.charCodeAt(k) === DASH) k += 1;
      this.byte(hexValue(text.charCodeAt(k)) * 16 + hexValue(text.charCodeAt(k + 1)));
    }
  }

  append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) this.grow(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private grow(atLeast: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + atLeast));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

const DASH = 0x2d;

/** Whether a character code is a lower-case hex digit. */
export const isHexDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);

/** The value of a lower-case hex digit. */
export const hexValue = (c: number): number => (c <= 0x39 ? c - 0x30 : c - 0x57);

/** Whether `text` is a UUID in lower case, as Airbyte and randomUUID write them. */
export const isUuid = (text: string): boolean => {
  if (text.length !== 36) return false;
  for (let k = 0; k < 36; k++) {
    const c = text.charCodeAt(k);
    if (k === 8 || k === 13 || k === 18 || k === 23 ? c !== DASH : !isHexDigit(c)) return false;
  }
  return true;
};

/** A position in bytes being read. */
export interface Cursor {
  i: number;
}

/** Thrown when stored bytes do not read back as what was written: a bug, never a user's mistake. */
export class CorruptBytes extends Error {
  override readonly name = 'CorruptBytes';
}

export const readVarint = (bytes: Uint8Array, at: Cursor): number => {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at.i >= bytes.length) throw new CorruptBytes('a number runs past the end of its bytes');
    const b = bytes[at.i++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
    scale *= 0x80;
  }
};

export const zigzag = (n: number): number => (n < 0 ? -2 * n - 1 : 2 * n);
export const unzigzag = (z: number): number => (z % 2 === 1 ? -(z + 1) / 2 : z / 2);
