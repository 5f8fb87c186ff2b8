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
});
