/** What every `OwnershipRegistry` must do, whichever store keeps it. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import type { OwnershipRegistry } from '@airbyte-provisioner/core';

export interface OwnershipFixture {
  readonly ownership: OwnershipRegistry;
  readonly close: () => Promise<void>;
}

const source = { kind: 'source' as const, id: 'source-1', name: 'orders-file' };
const destination = { kind: 'destination' as const, id: 'destination-2', name: 'orders-snowflake' };

export const ownershipContract = (name: string, make: () => Promise<OwnershipFixture>): void => {
  describe(`OwnershipRegistry contract: ${name}`, () => {
    let fixture: OwnershipFixture;
    beforeEach(async () => {
      fixture = await make();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('knows no owner of a resource never claimed', async () => {
      expect(await fixture.ownership.ownersOf(['source-1'])()).to.deep.equal(E.right([]));
    });

    it('records the owner of what a component claims; claiming again is fine', async () => {
      const { ownership } = fixture;
      expect(await ownership.claim('A', [source, destination])()).to.deep.equal(E.right(undefined));
      expect(await ownership.claim('A', [source])()).to.deep.equal(E.right(undefined));
      const owners = await ownership.ownersOf(['source-1', 'destination-2', 'other'])();
      expect(
        E.isRight(owners) && [...owners.right].sort((a, b) => a.resource.id.localeCompare(b.resource.id)),
      ).to.deep.equal([
        { componentId: 'A', resource: destination },
        { componentId: 'A', resource: source },
      ]);
    });

    it("refuses another component's claim, naming the owner and the name, and claims none of it", async () => {
      const { ownership } = fixture;
      await ownership.claim('A', [source])();
      const refused = await ownership.claim('B', [destination, source])();
      expect(refused).to.deep.equal(
        E.left({
          _tag: 'StateConflict',
          step: 'claim source "orders-file"',
          message: `source "orders-file" (source-1) belongs to component A, not to B; give this component's source its own name`,
          ids: ['source-1'],
        }),
      );
      expect(await ownership.ownersOf(['destination-2'])()).to.deep.equal(E.right([]));
    });

    it("releases only the component's own resources", async () => {
      const { ownership } = fixture;
      await ownership.claim('A', [source])();
      await ownership.claim('B', [destination])();
      await ownership.release('B', ['source-1', 'destination-2'])();
      expect(await ownership.ownersOf(['source-1', 'destination-2'])()).to.deep.equal(
        E.right([{ componentId: 'A', resource: source }]),
      );
    });
  });
};
