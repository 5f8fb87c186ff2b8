import { expect } from 'chai';
import fc from 'fast-check';
import { ByteWriter, CorruptBytes, isUuid, readVarint } from '../../src/tasks/byte-writer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('ByteWriter', () => {
  it('reads back every varint it wrote, and refuses to read past the end', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat(), { maxLength: 20 }), (values) => {
        const w = new ByteWriter(4);
        for (const v of values) w.varint(v);
        const at = { i: 0 };
        expect(values.map(() => readVarint(w.bytes(), at))).to.deep.equal(values);
        expect(() => readVarint(w.bytes(), at)).to.throw(CorruptBytes);
      }),
    );
    // a number cut short: its last byte says more follows
    expect(() => readVarint(Uint8Array.from([0x80, 0x80]), { i: 0 })).to.throw(CorruptBytes);
  });

  it('gives up a buffer grown beyond 64 KiB on reset, and keeps a smaller one for reuse', () => {
    const w = new ByteWriter(1024);
    w.append(new Uint8Array(60 * 1024));
    const grown = w.capacity;
    w.reset();
    expect(w.capacity).to.equal(grown);
    w.append(new Uint8Array(3 * 1024 * 1024));
    expect(w.capacity).to.be.at.least(3 * 1024 * 1024);
    w.reset();
    expect([w.capacity, w.length]).to.deep.equal([1024, 0]);
    w.varint(300);
    expect([...w.bytes()]).to.deep.equal([0xac, 0x02]);
  });

  it('tells a UUID exactly as the pattern does, and writes it as its 16 bytes', () => {
    const digit = fc.constantFrom(...'0123456789abcdef'.split(''));
    const uuid = fc
      .array(digit, { minLength: 36, maxLength: 36 })
      .map((cs) => cs.map((c, k) => ([8, 13, 18, 23].includes(k) ? '-' : c)).join(''));
    // a UUID with one character changed, or cut or lengthened by one
    const nearUuid = fc
      .tuple(uuid, fc.nat(36), fc.constantFrom('A', 'F', 'g', '/', ':', '`', '-', '0', ''))
      .map(([u, k, c]) => u.slice(0, k) + c + u.slice(k + 1));
    fc.assert(
      fc.property(fc.oneof(uuid, nearUuid, fc.string({ maxLength: 40 })), (text) => {
        expect(isUuid(text)).to.equal(UUID.test(text));
      }),
    );
    const w = new ByteWriter(4);
    w.uuid('3f2a9c1e-7b4d-4e8a-9c1f-0123456789ab');
    const hexOf = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(hexOf(w.bytes())).to.equal('3f2a9c1e7b4d4e8a9c1f0123456789ab');
  });
});
