import { expect } from 'chai';
import { adviceFor } from '../../src/output/advice.js';

describe('adviceFor', () => {
  it('tells a refused workspace creation from a workspace the application cannot see', () => {
    const forbidden = { _tag: 'AirbyteUnauthorized', status: 403, detail: 'forbidden' } as const;
    expect(
      adviceFor({ _tag: 'AirbyteFailure', step: 'create workspace "sales.orders.1"', error: forbidden }),
    ).to.match(/may not create workspaces .*organization_editor/);
    expect(
      adviceFor(
        { _tag: 'AirbyteFailure', step: 'create source "orders"', error: forbidden },
        { workspaceId: 'ws-1' },
      ),
    ).to.match(/cannot see workspace ws-1/);
  });

  it('sends a failed sync to its job logs, and a naming conflict to the resources named', () => {
    const failedSync = adviceFor({
      _tag: 'StateConflict',
      step: 'wait for the sync',
      message: 'the sync job 7 ended failed',
      ids: ['7'],
    });
    expect(failedSync)
      .to.match(/logs in the Airbyte UI/)
      .and.not.match(/rename or remove/);
    expect(
      adviceFor({ _tag: 'StateConflict', step: 'find source', message: 'two named x', ids: ['1', '2'] }),
    ).to.match(/rename or remove the resources named/);
  });
});
