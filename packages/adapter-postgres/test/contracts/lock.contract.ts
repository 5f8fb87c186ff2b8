/** What every `Lock` must do, whichever store keeps it: run by both implementations' suites. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Lock, ProvisioningError } from '@airbyte-provisioner/core';

export interface LockFixture {
  /** Two handles on the same lock: two replicas, or twice the same in-memory lock. */
  readonly first: Lock;
  readonly second: Lock;
  /** Resolves once `second` has queued behind, or been refused, the holder of `key`. */
  readonly secondWaits: (key: string) => Promise<void>;
  readonly close: () => Promise<void>;
}

/** A lock that cannot be taken answers its error's tag, so a test sees it as a value. */
const refused = (error: ProvisioningError): string => `lock refused: ${error._tag}`;

const gatedWork = (events: string[], name: string) => {
  let open: () => void = () => {};
  let started: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const start = new Promise<void>((resolve) => (started = resolve));
  const work: TE.TaskEither<string, string> = async () => {
    events.push(`start ${name}`);
    started();
    await gate;
    events.push(`end ${name}`);
    return E.right(name);
  };
  return { work, open: () => open(), started: start };
};

export const lockContract = (name: string, make: () => Promise<LockFixture>): void => {
  describe(`Lock contract: ${name}`, () => {
    let fixture: LockFixture;
    beforeEach(async () => {
      fixture = await make();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('runs holders of the same key one after the other', async () => {
      const events: string[] = [];
      const a = gatedWork(events, 'a');
      const b = gatedWork(events, 'b');
      const pa = fixture.first.withLock('component-1', a.work, refused)();
      await a.started;
      const pb = fixture.second.withLock('component-1', b.work, refused)();
      b.open();
      await fixture.secondWaits('component-1');
      expect(events).to.deep.equal(['start a']);
      a.open();
      expect(await pa).to.deep.equal(E.right('a'));
      expect(await pb).to.deep.equal(E.right('b'));
      expect(events).to.deep.equal(['start a', 'end a', 'start b', 'end b']);
    });

    it('never makes different keys wait for each other', async () => {
      const events: string[] = [];
      const a = gatedWork(events, 'a');
      const b = gatedWork(events, 'b');
      const pa = fixture.first.withLock('component-1', a.work, refused)();
      const pb = fixture.second.withLock('component-2', b.work, refused)();
      await Promise.all([a.started, b.started]);
      b.open();
      expect(await pb).to.deep.equal(E.right('b'));
      a.open();
      expect(await pa).to.deep.equal(E.right('a'));
    });

    it("passes the work's failure through and frees the key after it", async () => {
      expect(await fixture.first.withLock('component-1', TE.left('no'), refused)()).to.deep.equal(
        E.left('no'),
      );
      expect(await fixture.second.withLock('component-1', TE.right('yes'), refused)()).to.deep.equal(
        E.right('yes'),
      );
    });

    it('frees the key after a work that throws', async () => {
      const thrown = await fixture.first
        .withLock('component-1', () => Promise.reject(new Error('bug')), refused)()
        .then(
          () => 'resolved',
          (error: unknown) => (error instanceof Error ? error.message : 'not an error'),
        );
      expect(thrown).to.equal('bug');
      expect(await fixture.second.withLock('component-1', TE.right('yes'), refused)()).to.deep.equal(
        E.right('yes'),
      );
    });
  });
};
