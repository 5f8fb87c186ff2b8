import { expect } from 'chai';
import fc from 'fast-check';
import { FinishedTaskLog } from '../../src/tasks/finished-task-log.js';

interface Held {
  readonly token: string;
  readonly status: number;
  readonly finishedAt: number;
  readonly referenceId: number;
  readonly payload: ReadonlyArray<number>;
}

const entryOf = (log: FinishedTaskLog, token: string) => {
  const entry = log.get(token);
  return entry === undefined ? undefined : { ...entry, payload: [...entry.payload] as ReadonlyArray<number> };
};

const uuidOf = (n: number): string => {
  const hex = n.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

describe('FinishedTaskLog', () => {
  it('behaves like a queue of records with lookup by token, whatever the operations (model-based)', () => {
    const token = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 40 }).map(uuidOf),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('t1', 'T1', '', 'é', '00000000-0000-0000-0000-00000000000A'),
    );
    const operation = fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('append' as const),
          token,
          status: fc.integer({ min: 0, max: 255 }),
          referenceId: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          // mostly small, sometimes beyond a chunk
          size: fc.oneof(
            { arbitrary: fc.integer({ min: 0, max: 300 }), weight: 20 },
            { arbitrary: fc.integer({ min: 200_000, max: 600_000 }), weight: 1 },
          ),
        }),
        weight: 6,
      },
      {
        arbitrary: fc.record({ kind: fc.constant('drop' as const), times: fc.integer({ min: 1, max: 40 }) }),
        weight: 2,
      },
      { arbitrary: fc.record({ kind: fc.constant('get' as const), token }), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const log = new FinishedTaskLog();
        const model: Held[] = [];
        let clock = 0;
        for (const op of operations) {
          if (op.kind === 'append') {
            if (model.some((h) => h.token === op.token)) continue;
            clock += 1;
            const payload = Array.from({ length: op.size }, (_, k) => (k * 31 + clock) % 256);
            log.append(op.token, op.status, clock, op.referenceId, Uint8Array.from(payload));
            model.push({
              token: op.token,
              status: op.status,
              finishedAt: clock,
              referenceId: op.referenceId,
              payload,
            });
          } else if (op.kind === 'drop') {
            for (let k = 0; k < op.times; k += 1) {
              const oldest = model[0];
              expect(log.oldest()).to.deep.equal(
                oldest === undefined
                  ? undefined
                  : { finishedAt: oldest.finishedAt, referenceId: oldest.referenceId },
              );
              log.dropOldest();
              model.shift();
            }
          } else {
            const held = model.find((h) => h.token === op.token);
            expect(log.has(op.token)).to.equal(held !== undefined);
            expect(entryOf(log, op.token)).to.deep.equal(
              held === undefined
                ? undefined
                : {
                    status: held.status,
                    finishedAt: held.finishedAt,
                    referenceId: held.referenceId,
                    payload: held.payload,
                  },
            );
          }
          expect(log.size).to.equal(model.length);
        }
        for (const held of model) expect(entryOf(log, held.token)?.payload).to.deep.equal(held.payload);
      }),
      { numRuns: 60 },
    );
  });

  it('finds every record left after many were dropped from a crowded index', () => {
    const log = new FinishedTaskLog();
    const tokens = Array.from({ length: 30_000 }, (_, n) => (n % 2 === 0 ? uuidOf(n * 7919) : `token-${n}`));
    const found = () => tokens.filter((t) => log.has(t)).length;
    for (const [n, t] of tokens.entries()) {
      log.append(t, 1, n, 0, new Uint8Array([n % 256]));
      // drop as we go, so that removals happen among collisions of every age
      if (n % 3 === 2) log.dropOldest();
    }
    expect(found()).to.equal(20_000);
    const kept = tokens.flatMap((t, n) => (n >= 10_000 && log.get(t)?.finishedAt !== n ? [t] : []));
    expect(kept).to.deep.equal([]);
    expect(tokens.slice(0, 10_000).some((t) => log.has(t))).to.equal(false);
  });

  it('gives back its memory as it empties: chunks, ring and index shrink with the queue', () => {
    const log = new FinishedTaskLog();
    const payload = new Uint8Array(200).fill(7);
    const empty = log.bytesHeld;
    for (let n = 0; n < 50_000; n += 1) log.append(uuidOf(n), 1, n, 0, payload);
    const full = log.bytesHeld;
    // ~200 bytes of payload, 17 of token and 3 of framing per record, plus ring and index
    expect(full / 50_000).to.be.within(220, 320);
    for (let n = 0; n < 49_990; n += 1) log.dropOldest();
    expect(log.size).to.equal(10);
    // the chunk still written to and one spare, kept for the next records
    expect(log.bytesHeld).to.be.below(empty + 2 * 256 * 1024 + 64 * 1024);
    expect(entryOf(log, uuidOf(49_995))?.finishedAt).to.equal(49_995);
    expect(log.has(uuidOf(10))).to.equal(false);
  });

  it('tells a UUID token from the same text in other letters', () => {
    const log = new FinishedTaskLog();
    const lower = '3f2a9c1e-7b4d-4e8a-9c1f-0123456789ab';
    log.append(lower, 1, 1, 0, new Uint8Array([1]));
    expect(log.has(lower)).to.equal(true);
    expect(log.has(lower.toUpperCase())).to.equal(false);
    log.append(lower.toUpperCase(), 2, 2, 0, new Uint8Array([2]));
    expect([log.get(lower)?.status, log.get(lower.toUpperCase())?.status]).to.deep.equal([1, 2]);
  });

  it('gives the oldest record without an object, and its reference id as it drops it', () => {
    const log = new FinishedTaskLog();
    expect([log.oldestFinishedAt(), log.dropOldest()]).to.deep.equal([undefined, undefined]);
    log.append('a', 1, 10, 7, new Uint8Array([1]));
    log.append(uuidOf(2), 1, 20, 8, new Uint8Array([2]));
    expect([log.oldestFinishedAt(), log.dropOldest()]).to.deep.equal([10, 7]);
    expect([log.oldestFinishedAt(), log.dropOldest()]).to.deep.equal([20, 8]);
    expect(log.size).to.equal(0);
  });

  it('throws when a record it drops is missing from its index (a broken invariant, never skipped)', () => {
    const log = new FinishedTaskLog();
    log.append('a', 1, 1, 0, new Uint8Array([1]));
    // test-only corruption: reaches into the private index to wipe it
    (log as unknown as { readonly slots: Uint32Array }).slots.fill(0);
    expect(() => log.dropOldest()).to.throw(/ring position 0 is not indexed/);
  });
});
