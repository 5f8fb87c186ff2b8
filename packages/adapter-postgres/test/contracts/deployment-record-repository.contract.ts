/** What every `DeploymentRecordRepository` must do, whichever store keeps it. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { DeploymentRecord, DeploymentRecordRepository } from '@airbyte-provisioner/core';

export interface DeploymentRecordFixture {
  readonly records: DeploymentRecordRepository;
  readonly close: () => Promise<void>;
}

const record: DeploymentRecord = {
  workspaceId: 'ws-1',
  // a data product's own workspace (per-data-product mode): later operations find it by this id first
  workspaceName: 'finance.orders.1',
  sourceId: 'source-1',
  destinationId: 'destination-2',
  connectionId: 'connection-3',
  sourceFingerprint: 'fp-s',
  pendingDeletions: [{ kind: 'source', id: 'source-0' }],
};

export const deploymentRecordContract = (
  name: string,
  make: () => Promise<DeploymentRecordFixture>,
): void => {
  describe(`DeploymentRecordRepository contract: ${name}`, () => {
    let fixture: DeploymentRecordFixture;
    beforeEach(async () => {
      fixture = await make();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('has no record for a component never deployed', async () => {
      expect(await fixture.records.get('c1')()).to.deep.equal(E.right(O.none));
    });

    it('gives back the record put last, per component', async () => {
      const { records } = fixture;
      await records.put('c1', { workspaceId: 'ws-1' })();
      await records.put('c1', record)();
      await records.put('c2', { workspaceId: 'ws-2' })();
      expect(await records.get('c1')()).to.deep.equal(E.right(O.some(record)));
      expect(await records.get('c2')()).to.deep.equal(E.right(O.some({ workspaceId: 'ws-2' })));
    });

    it('removes a record, and removing an absent one succeeds', async () => {
      const { records } = fixture;
      await records.put('c1', record)();
      expect(await records.remove('c1')()).to.deep.equal(E.right(undefined));
      expect(await records.remove('c1')()).to.deep.equal(E.right(undefined));
      expect(await records.get('c1')()).to.deep.equal(E.right(O.none));
    });
  });
};
