import { expect } from 'chai';
import fc from 'fast-check';
import { ByteWriter, CorruptBytes } from '../../src/tasks/byte-writer.js';
import { decodeAgainst, encodeAgainst, makeReference } from '../../src/tasks/delta-codec.js';

const roundTrip = (reference: string, text: string): { readonly back: string; readonly size: number } => {
  const out = new ByteWriter(8);
  encodeAgainst(makeReference(reference), text, out);
  return { back: decodeAgainst(reference, out.bytes()), size: out.length };
};

describe('delta codec', () => {
  it('gives back any text, against any reference', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (reference, text) => {
          expect(roundTrip(reference, text).back).to.equal(text);
        },
      ),
    );
  });

  it('gives back texts made of the same pieces (hex runs, repeats, shifts)', () => {
    const piece = fc.constantFrom(
      '{"id":"',
      '3f2a9c1e-7b4d',
      'deadbeef',
      '"},',
      '→',
      'a',
      '0',
      '2026-01-01T00:00:00.000Z',
    );
    const doc = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(doc, doc, (reference, text) => {
        expect(roundTrip(reference, text).back).to.equal(text);
      }),
    );
  });

  it('encodes a result that differs in ids and times from its reference in a small fraction of its size', () => {
    const result = (id: string, at: string) =>
      JSON.stringify({
        message:
          'Deployed Airbyte connection "orders" from source "orders-file" to destination "orders-snowflake"',
        privateInfo: {
          sourceId: `3f2a9c1e-7b4d-4e8a-9c1f-${id}`,
          connectionId: `9c1f3f2a-7b4d-4e8a-9c1e-${id}`,
        },
        logs: [{ timestamp: at, level: 'INFO', message: 'Created source "orders-file"' }],
      });
    const text = result('1a2b3c4d5e6f', '2026-03-04T05:06:07.000Z');
    const { back, size } = roundTrip(result('000000000001', '2026-01-01T00:00:00.000Z'), text);
    expect(back).to.equal(text);
    expect(size).to.be.lessThan(text.length / 6);
  });

  it('gives back texts with UUIDs, hex digests, values told twice, any script and long runs', () => {
    const hex = (length: number) =>
      fc.string({
        unit: fc.constantFrom(...'0123456789abcdef'.split('')),
        minLength: length,
        maxLength: length,
      });
    const uuid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));
    const piece = fc.oneof(
      uuid,
      hex(8),
      fc.integer({ min: 1, max: 80 }).chain(hex),
      fc.constantFrom('"', '-', 'ABCDEF12', 'é', '→', '😀', '\u0000', 'x'.repeat(5000)),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const doc = fc
      .array(piece, { maxLength: 30 })
      // every value may come back later in the same document
      .chain((pieces) => fc.shuffledSubarray([...pieces, ...pieces]).map((p) => p.join('')));
    fc.assert(
      fc.property(doc, doc, (reference, text) => {
        expect(roundTrip(reference, text).back).to.equal(text);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a result with random ids and fingerprints within twice their entropy', () => {
    // ids as random as real ones, from a fixed seed so that a failure can be replayed
    let seed = 0x9e3779b9;
    const nextDigit = (): string => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      return '0123456789abcdef'[seed % 16]!;
    };
    const random = (digits: number) => Array.from({ length: digits }, nextDigit).join('');
    const uuid = () => `${random(8)}-${random(4)}-4${random(3)}-a${random(3)}-${random(12)}`;
    const result = (at: string) => {
      const connectionId = uuid();
      return JSON.stringify({
        message: 'Deployed Airbyte connection "orders"',
        info: {
          publicInfo: { connection: { type: 'link', href: `http://airbyte/connections/${connectionId}` } },
          privateInfo: {
            airbyte: {
              sourceId: uuid(),
              destinationId: uuid(),
              connectionId,
              sourceFingerprint: `hmac-sha256:${random(64)}`,
              destinationFingerprint: `hmac-sha256:${random(64)}`,
            },
          },
        },
        logs: [at, at, at].map((timestamp) => ({ timestamp, level: 'INFO', message: 'Created source' })),
      });
    };
    const text = result('2026-03-04T05:06:07.891Z');
    const { back, size } = roundTrip(result('2026-01-01T00:00:00.000Z'), text);
    expect(back).to.equal(text);
    // 3 UUIDs of 16 bytes and 2 digests of 32 (the repeated connection id is told once)
    expect(size).to.be.below(2 * (3 * 16 + 2 * 32));
  });

  it('tells apart grams whose hashes collide ("AaAaAa" and "BBBBBB" under h * 31 + c)', () => {
    const hash = (gram: string) => [...gram].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);
    expect(hash('AaAaAa')).to.equal(hash('BBBBBB'));
    const cases = [
      ['{"a":"AaAaAa","b":1}', '{"a":"BBBBBB","b":2}'],
      ['{"a":"BBBBBB","b":"AaAaAa"}', '{"x":"AaAaAa","y":"BBBBBB"}'],
      ['AaBBAaBBAaBB'.repeat(4), 'BBAaBBAaBBAa'.repeat(5)],
    ];
    for (const [reference, text] of cases) expect(roundTrip(reference!, text!).back).to.equal(text);
    // where both occur, the copies resume after each from where it is, not from its twin
    const reference = 'The quick brown fox AaAaAa jumps over the lazy dog BBBBBB and runs away.';
    const text = 'The quick brown fox BBBBBB jumps over the lazy dog AaAaAa and runs away.';
    const { back, size } = roundTrip(reference, text);
    expect(back).to.equal(text);
    expect(size).to.be.below(text.length / 4);
  });

  it('throws CorruptBytes for edits that do not fit their bytes or their reference', () => {
    const reference = '{"id":"3f2a9c1e-7b4d-4e8a-9c1f-0123456789ab","at":"2026-01-01T00:00:00.000Z","n":1}';
    const text = '{"id":"9c1f3f2a-7b4d-4e8a-9c1e-ba9876543210","at":"2026-01-01T00:00:00.000Z","n":22}';
    const out = new ByteWriter(8);
    encodeAgainst(makeReference(reference), text, out);
    const bytes = out.bytes().slice();
    expect(decodeAgainst(reference, bytes)).to.equal(text);
    // cut inside a hunk, it throws; cut between hunks, it is the edits of a shorter text (the log keeps
    // the payload's length, so a cut is not what a store bug would look like)
    let thrown = 0;
    for (let n = 1; n < bytes.length; n++) {
      let shorter: string;
      try {
        shorter = decodeAgainst(reference, bytes.subarray(0, n));
      } catch (error) {
        expect(error, `cut at ${n}`).to.be.instanceOf(CorruptBytes);
        thrown += 1;
        continue;
      }
      expect(text.startsWith(shorter), `cut at ${n}`).to.equal(true);
    }
    expect(thrown).to.be.above(bytes.length / 2);
    expect(() => decodeAgainst(reference, Uint8Array.from([...bytes, 0]))).to.throw(CorruptBytes);
    // a shorter reference than the one encoded against
    expect(() => decodeAgainst(reference.slice(0, 10), bytes)).to.throw(CorruptBytes);
    // [copy 0][1 piece: again #5, never told][jump 0]
    expect(() => decodeAgainst(reference, Uint8Array.from([0, 1, 5 * 4 + 3, 0]))).to.throw(CorruptBytes);
    // [copy 0][1 piece: a UUID, but 2 of its 16 bytes]
    expect(() => decodeAgainst(reference, Uint8Array.from([0, 1, 2, 0xab, 0xcd]))).to.throw(CorruptBytes);
  });
});
