/** Bytes written into a growable buffer that is reused from one encoding to the next, and read back. */

export class ByteWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(initialBytes = 1024) {
    this.buffer = new Uint8Array(initialBytes);
  }

  /** The bytes written so far (a view: valid until the next write or reset). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
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

/** A position in bytes being read. */
export interface Cursor {
  i: number;
}

export const readVarint = (bytes: Uint8Array, at: Cursor): number => {
  let value = 0;
  let scale = 1;
  for (;;) {
    // past the end reads as 0, so a bug can never turn into an endless read
    const b = bytes[at.i++] ?? 0;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
    scale *= 0x80;
  }
};

export const zigzag = (n: number): number => (n < 0 ? -2 * n - 1 : 2 * n);
export const unzigzag = (z: number): number => (z % 2 === 1 ? -(z + 1) / 2 : z / 2);
