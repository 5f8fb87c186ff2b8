import { expect } from 'chai';
import fc from 'fast-check';
import { decodeAgainst, encodeAgainst, makeReference } from '../../src/tasks/delta-codec.js';

const roundTrip = (reference: string, text: string): { readonly back: string; readonly size: number } => {
  const out: string[] = [];
  encodeAgainst(makeReference(reference), text, out);
  const code = out.join('');
  return { back: decodeAgainst(reference, code, { i: 0 }), size: code.length };
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
});
