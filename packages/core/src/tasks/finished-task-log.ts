/**
 * Finished tasks in the order they finished, kept out of the garbage-collected heap: each record is a few
 * hundred bytes inside large byte chunks, found by its token through an open-addressing hash index made
 * of typed arrays. A JavaScript object or string per task would cost more than the task itself (a Map
 * entry and a token string are ~100 bytes) and would grow the heap's slack with every task kept.
 *
 * Tasks leave oldest first (expiry and the maximum count both take the oldest finished), so records form
 * a queue: a chunk is released once its last record is gone, and the ring of record positions and the
 * index shrink when the queue does.
 *
 * Record: [token length][token][status][payload length][payload]. A UUID token (what the provisioner
 * issues) is 16 bytes; another is its UTF-16 code units.
 */
import { ByteWriter, isUuid, readVarint, type Cursor } from './byte-writer.js';

const CHUNK_BYTES = 256 * 1024;
const MIN_RING = 64;
const MIN_SLOTS = 128;

export interface FinishedEntry {
  readonly status: number;
  readonly finishedAt: number;
  readonly referenceId: number;
  /** A view into the log: read it before the log changes. */
  readonly payload: Uint8Array;
}

interface Chunk {
  readonly id: number;
  readonly bytes: Uint8Array;
  used: number;
  /** Sequence number of the last record written into it. */
  last: number;
}

const encodeToken = (token: string, w: ByteWriter): void => {
  w.reset();
  if (isUuid(token)) {
    w.byte(1);
    w.uuid(token);
    return;
  }
  w.byte(0);
  for (let k = 0; k < token.length; k++) w.varint(token.charCodeAt(k));
};

/** FNV-1a, 32 bits. */
const hashOf = (bytes: Uint8Array): number => {
  let h = 0x811c9dc5;
  for (let k = 0; k < bytes.length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193) >>> 0;
  return h;
};

const nextPowerOfTwo = (n: number, min: number): number => {
  let size = min;
  while (size < n) size *= 2;
  return size;
};

export class FinishedTaskLog {
  private chunks: Chunk[] = [];
  private nextChunkId = 0;
  /** Sequence numbers of the oldest live record and of the next one. */
  private head = 0;
  private tail = 0;
  // the ring: per live record, where it is and what eviction needs; position = seq & (capacity - 1)
  private ringChunk = new Uint32Array(MIN_RING);
  private ringOffset = new Uint32Array(MIN_RING);
  private ringFinishedAt = new Float64Array(MIN_RING);
  private ringReference = new Uint32Array(MIN_RING);
  private ringHash = new Uint32Array(MIN_RING);
  // the index: ring position + 1 per slot (0: empty), and the token hash beside it
  private slots = new Uint32Array(MIN_SLOTS);
  private slotHashes = new Uint32Array(MIN_SLOTS);
  private readonly token = new ByteWriter(64);
  /** A record but its payload. */
  private readonly header = new ByteWriter(64);
  private spare: Uint8Array | undefined;

  get size(): number {
    return this.tail - this.head;
  }

  /** Bytes held in chunks, ring and index (for diagnostics). */
  get bytesHeld(): number {
    const ring = this.ringChunk.length * 24;
    const spare = this.spare?.length ?? 0;
    return this.chunks.reduce((sum, c) => sum + c.bytes.length, spare) + ring + this.slots.length * 8;
  }

  has(token: string): boolean {
    return this.find(token) >= 0;
  }

  get(token: string): FinishedEntry | undefined {
    const position = this.find(token);
    if (position < 0) return undefined;
    const chunk = this.chunkOf(position);
    const at: Cursor = { i: this.ringOffset[position]! };
    const tokenLength = readVarint(chunk.bytes, at);
    at.i += tokenLength;
    const status = chunk.bytes[at.i++]!;
    const length = readVarint(chunk.bytes, at);
    return {
      status,
      finishedAt: this.ringFinishedAt[position]!,
      referenceId: this.ringReference[position]!,
      payload: chunk.bytes.subarray(at.i, at.i + length),
    };
  }

  /** Adds a finished task; the caller makes sure its token is not in the log. */
  append(token: string, status: number, finishedAt: number, referenceId: number, payload: Uint8Array): void {
    encodeToken(token, this.token);
    const tokenBytes = this.token.bytes();
    const header = this.header;
    header.reset();
    header.varint(tokenBytes.length);
    header.append(tokenBytes);
    header.byte(status);
    header.varint(payload.length);
    const chunk = this.chunkWithRoom(header.length + payload.length);
    const offset = chunk.used;
    chunk.bytes.set(header.bytes(), offset);
    chunk.bytes.set(payload, offset + header.length);
    const seq = this.tail;
    chunk.last = seq;
    chunk.used = offset + header.length + payload.length;

    if (this.size === this.ringChunk.length) this.resizeRing(this.ringChunk.length * 2);
    const position = seq & (this.ringChunk.length - 1);
    const hash = hashOf(tokenBytes);
    this.ringChunk[position] = chunk.id;
    this.ringOffset[position] = offset;
    this.ringFinishedAt[position] = finishedAt;
    this.ringReference[position] = referenceId;
    this.ringHash[position] = hash;
    this.tail += 1;
    if (this.size * 2 > this.slots.length) this.rebuildIndex(this.slots.length * 2);
    else this.insert(position, hash);
  }

  /** The oldest record, or undefined when the log is empty. */
  oldest(): { readonly finishedAt: number; readonly referenceId: number } | undefined {
    if (this.size === 0) return undefined;
    const position = this.head & (this.ringChunk.length - 1);
    return { finishedAt: this.ringFinishedAt[position]!, referenceId: this.ringReference[position]! };
  }

  /** When the oldest record finished, or undefined when the log is empty (`oldest` with no object). */
  oldestFinishedAt(): number | undefined {
    return this.size === 0 ? undefined : this.ringFinishedAt[this.head & (this.ringChunk.length - 1)];
  }

  /** Drops the oldest record; gives its reference id, or undefined when the log was empty. */
  dropOldest(): number | undefined {
    if (this.size === 0) return undefined;
    const position = this.head & (this.ringChunk.length - 1);
    const referenceId = this.ringReference[position]!;
    this.remove(position);
    this.head += 1;
    while (this.chunks.length > 0 && this.chunks[0]!.last < this.head) {
      const released = this.chunks.shift()!;
      // kept for the next chunk: a queue frees at its head what it needs at its tail, and memory that is
      // freed and allocated again in the middle of the process heap is not given back to the system
      if (released.bytes.length === CHUNK_BYTES) this.spare = released.bytes;
    }
    if (this.ringChunk.length > MIN_RING && this.size * 4 <= this.ringChunk.length)
      this.resizeRing(this.ringChunk.length / 2);
    else if (this.slots.length > MIN_SLOTS && this.size * 8 <= this.slots.length)
      this.rebuildIndex(this.slots.length / 2);
    return referenceId;
  }

  // ---- chunks ----------------------------------------------------------------------------------

  private chunkOf(position: number): Chunk {
    return this.chunks[this.ringChunk[position]! - this.chunks[0]!.id]!;
  }

  private chunkWithRoom(length: number): Chunk {
    const last = this.chunks.at(-1);
    if (last !== undefined && last.bytes.length - last.used >= length) return last;
    const reuse = length <= CHUNK_BYTES ? this.spare : undefined;
    if (reuse !== undefined) this.spare = undefined;
    const chunk: Chunk = {
      id: this.nextChunkId++,
      bytes: reuse ?? new Uint8Array(Math.max(CHUNK_BYTES, length)),
      used: 0,
      last: this.tail,
    };
    this.chunks.push(chunk);
    return chunk;
  }

  // ---- ring and index --------------------------------------------------------------------------

  private resizeRing(capacity: number): void {
    const old = {
      chunk: this.ringChunk,
      offset: this.ringOffset,
      finishedAt: this.ringFinishedAt,
      reference: this.ringReference,
      hash: this.ringHash,
    };
    const oldMask = old.chunk.length - 1;
    this.ringChunk = new Uint32Array(capacity);
    this.ringOffset = new Uint32Array(capacity);
    this.ringFinishedAt = new Float64Array(capacity);
    this.ringReference = new Uint32Array(capacity);
    this.ringHash = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let seq = this.head; seq < this.tail; seq++) {
      const from = seq & oldMask;
      const to = seq & mask;
      this.ringChunk[to] = old.chunk[from]!;
      this.ringOffset[to] = old.offset[from]!;
      this.ringFinishedAt[to] = old.finishedAt[from]!;
      this.ringReference[to] = old.reference[from]!;
      this.ringHash[to] = old.hash[from]!;
    }
    // positions moved: the index is rebuilt, sized for what is held now
    this.rebuildIndex(nextPowerOfTwo(this.size * 4, MIN_SLOTS));
  }

  private rebuildIndex(capacity: number): void {
    this.slots = new Uint32Array(capacity);
    this.slotHashes = new Uint32Array(capacity);
    const mask = this.ringChunk.length - 1;
    for (let seq = this.head; seq < this.tail; seq++) {
      const position = seq & mask;
      this.insert(position, this.ringHash[position]!);
    }
  }

  private insert(position: number, hash: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = position + 1;
    this.slotHashes[i] = hash;
  }

  /** The ring position of the token's record, or -1. */
  private find(token: string): number {
    encodeToken(token, this.token);
    const wanted = this.token.bytes();
    const hash = hashOf(wanted);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; this.slots[i] !== 0; i = (i + 1) & mask) {
      if (this.slotHashes[i] !== hash) continue;
      const position = this.slots[i]! - 1;
      if (this.tokenAt(position, wanted)) return position;
    }
    return -1;
  }

  private tokenAt(position: number, wanted: Uint8Array): boolean {
    const bytes = this.chunkOf(position).bytes;
    const at: Cursor = { i: this.ringOffset[position]! };
    if (readVarint(bytes, at) !== wanted.length) return false;
    for (let k = 0; k < wanted.length; k++) if (bytes[at.i + k] !== wanted[k]) return false;
    return true;
  }

  /** Linear probing with backward-shift deletion: no tombstones, so probes stay short. */
  private remove(position: number): void {
    const mask = this.slots.length - 1;
    let i = this.ringHash[position]! & mask;
    while (this.slots[i] !== position + 1) {
      // every record in the ring is in the index: a record not found means the index is broken
      if (this.slots[i] === 0) throw new Error(`finished-task log: ring position ${position} is not indexed`);
      i = (i + 1) & mask;
    }
    for (let j = (i + 1) & mask; this.slots[j] !== 0; j = (j + 1) & mask) {
      const home = this.slotHashes[j]! & mask;
      const stays = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!stays) {
        this.slots[i] = this.slots[j]!;
        this.slotHashes[i] = this.slotHashes[j]!;
        i = j;
      }
    }
    this.slots[i] = 0;
    this.slotHashes[i] = 0;
  }
}
