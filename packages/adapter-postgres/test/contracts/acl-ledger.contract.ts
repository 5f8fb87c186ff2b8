/** What every `AclLedger` must do, whichever store keeps it. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import type { AclGrant, AclLedger, ProvisioningError } from '@airbyte-provisioner/core';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';

export interface AclLedgerFixture {
  readonly ledger: AclLedger;
  readonly close: () => Promise<void>;
}

const grant = (componentId: string, permissionId: string, made: boolean): AclGrant => ({
  componentId,
  principal: { kind: 'user', id: 'user-1' },
  ref: 'user:john.doe_example.com',
  workspaceId: 'ws-1',
  role: 'workspace_reader',
  permissionId,
  made,
});

const group = grant('A', 'permission-9', false);
const groupGrant: AclGrant = { ...group, principal: { kind: 'group', id: 'group-7' }, ref: 'group:analysts' };

/** The entries in a stable order: the port promises none. */
const sorted = async (
  read: TaskEither<ProvisioningError, ReadonlyArray<AclGrant>>,
): Promise<E.Either<ProvisioningError, ReadonlyArray<AclGrant>>> =>
  E.map((grants: ReadonlyArray<AclGrant>) =>
    [...grants].sort(
      (a, b) => a.componentId.localeCompare(b.componentId) || a.permissionId.localeCompare(b.permissionId),
    ),
  )(await read());

export const aclLedgerContract = (name: string, make: () => Promise<AclLedgerFixture>): void => {
  describe(`AclLedger contract: ${name}`, () => {
    let fixture: AclLedgerFixture;
    beforeEach(async () => {
      fixture = await make();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('knows no grant of a component or permission never recorded', async () => {
      expect(await fixture.ledger.grantsOf('A')()).to.deep.equal(E.right([]));
      expect(await fixture.ledger.grantsFor('permission-1')()).to.deep.equal(E.right([]));
    });

    it("keeps each component's entries, users and groups alike, and who relies on each permission", async () => {
      const { ledger } = fixture;
      for (const g of [grant('A', 'permission-1', true), groupGrant, grant('B', 'permission-1', true)])
        expect(await ledger.put(g)()).to.deep.equal(E.right(undefined));
      expect(await sorted(ledger.grantsOf('A'))).to.deep.equal(
        E.right([grant('A', 'permission-1', true), groupGrant]),
      );
      expect(await sorted(ledger.grantsFor('permission-1'))).to.deep.equal(
        E.right([grant('A', 'permission-1', true), grant('B', 'permission-1', true)]),
      );
      expect(await sorted(ledger.grantsOf('C'))).to.deep.equal(E.right([]));
    });

    it('replaces the entry of the same component and permission instead of adding one', async () => {
      const { ledger } = fixture;
      await ledger.put(grant('A', 'permission-1', false))();
      const replaced = { ...grant('A', 'permission-1', true), ref: 'user:John.Doe_example.com' };
      await ledger.put(replaced)();
      expect(await ledger.grantsOf('A')()).to.deep.equal(E.right([replaced]));
      expect(await ledger.grantsFor('permission-1')()).to.deep.equal(E.right([replaced]));
    });

    it("removes only that component's entry for that permission; removing what is absent is fine", async () => {
      const { ledger } = fixture;
      await ledger.put(grant('A', 'permission-1', true))();
      await ledger.put(grant('A', 'permission-2', true))();
      await ledger.put(grant('B', 'permission-1', false))();
      expect(await ledger.remove('A', 'permission-1')()).to.deep.equal(E.right(undefined));
      expect(await ledger.remove('A', 'permission-1')()).to.deep.equal(E.right(undefined));
      expect(await ledger.remove('C', 'permission-3')()).to.deep.equal(E.right(undefined));
      expect(await ledger.grantsOf('A')()).to.deep.equal(E.right([grant('A', 'permission-2', true)]));
      expect(await ledger.grantsFor('permission-1')()).to.deep.equal(
        E.right([grant('B', 'permission-1', false)]),
      );
      await ledger.remove('A', 'permission-2')();
      expect(await ledger.grantsOf('A')()).to.deep.equal(E.right([]));
    });
  });
};
