/** What every `WorkspaceOwnerRegistry` must do, whichever store keeps it. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { workspaceNameTaken, type WorkspaceOwnerRegistry } from '@airbyte-provisioner/core';

export interface WorkspaceOwnersFixture {
  readonly owners: WorkspaceOwnerRegistry;
  readonly close: () => Promise<void>;
}

const orders = { dataProductId: 'urn:dp:finance:orders', workspaceId: 'ws-1' };
const invoices = { dataProductId: 'urn:dp:finance:invoices', workspaceId: 'ws-2' };

export const workspaceOwnersContract = (name: string, make: () => Promise<WorkspaceOwnersFixture>): void => {
  describe(`WorkspaceOwnerRegistry contract: ${name}`, () => {
    let fixture: WorkspaceOwnersFixture;
    beforeEach(async () => {
      fixture = await make();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('knows no owner of a name never claimed', async () => {
      expect(await fixture.owners.ownerOf('finance.orders.1')()).to.deep.equal(E.right(O.none));
    });

    it('records the owner of a name; the same data product claims it again (a new workspace id) freely', async () => {
      const { owners } = fixture;
      expect(await owners.claim('finance.orders.1', orders)()).to.deep.equal(E.right(undefined));
      expect(await owners.claim('finance.orders.1', { ...orders, workspaceId: 'ws-9' })()).to.deep.equal(
        E.right(undefined),
      );
      expect(await owners.ownerOf('finance.orders.1')()).to.deep.equal(
        E.right(O.some({ ...orders, workspaceId: 'ws-9' })),
      );
    });

    it('refuses a name another data product owns, naming both, and keeps the first owner', async () => {
      const { owners } = fixture;
      await owners.claim('finance.1', orders)();
      expect(await owners.claim('finance.1', invoices)()).to.deep.equal(
        E.left(workspaceNameTaken('finance.1', invoices.dataProductId, orders)),
      );
      expect(await owners.ownerOf('finance.1')()).to.deep.equal(E.right(O.some(orders)));
    });

    it('forgets a released name, which another data product may then claim', async () => {
      const { owners } = fixture;
      await owners.claim('finance.1', orders)();
      expect(await owners.release('finance.1')()).to.deep.equal(E.right(undefined));
      expect(await owners.release('finance.1')()).to.deep.equal(E.right(undefined));
      expect(await owners.claim('finance.1', invoices)()).to.deep.equal(E.right(undefined));
      expect(await owners.ownerOf('finance.1')()).to.deep.equal(E.right(O.some(invoices)));
    });
  });
};
