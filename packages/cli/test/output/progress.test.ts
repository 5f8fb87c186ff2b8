import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { airbyteNotFound, type AirbyteGateway } from '@airbyte-provisioner/core';
import { FakeAirbyteGateway } from '@airbyte-provisioner/core/testing';
import { makeProgress } from '../../src/output/progress.js';
import { withProgress } from '../../src/output/progress-gateway.js';

const sink = (isTTY: boolean) => {
  let text = '';
  return { stream: { write: (t: string) => (text += t), isTTY }, text: () => text };
};

describe('progress', () => {
  it('writes one plain line per finished step when not on a terminal', () => {
    const out = sink(false);
    const progress = makeProgress(out.stream, { json: false });
    const first = progress.start('Look up source "a"');
    const second = progress.start('Create source "a"');
    second(false);
    first(true);
    first(true);
    expect(out.text()).to.match(
      /^Create source "a": failed \(\d+ ms\)\nLook up source "a": done \(\d+ ms\)\n$/,
    );
    expect(out.text()).not.to.contain('\u001b');
  });

  it('shows running steps on a rewritten line and marks finished ones on a terminal', () => {
    const out = sink(true);
    const progress = makeProgress(out.stream, { json: false });
    const done = progress.start('Create source "a"');
    expect(out.text()).to.contain('… Create source "a"');
    done(true);
    progress.close();
    expect(out.text()).to.contain('✔');
    expect(out.text()).to.contain('Create source "a" (');
    expect(out.text().endsWith('\r\u001b[2K')).to.equal(true);
  });

  it('shows nothing for --json', () => {
    const out = sink(true);
    makeProgress(out.stream, { json: true }).start('x')(true);
    expect(out.text()).to.equal('');
  });

  it("reports the gateway's calls as steps, failures included, and passes their results through", async () => {
    const out = sink(false);
    const fake = new FakeAirbyteGateway();
    const failing: AirbyteGateway = { ...fake, deleteConnection: () => TE.left(airbyteNotFound('gone')) };
    const gateway = withProgress(failing, makeProgress(out.stream, { json: false }));
    const found = await gateway.findActorsByName('source', 'orders')();
    expect(found).to.deep.equal(await fake.findActorsByName('source', 'orders')());
    const deleted = await gateway.deleteConnection('c-1')();
    expect(deleted).to.deep.equal(E.left(airbyteNotFound('gone')));
    expect(out.text()).to.match(/^Look up source "orders": done .*\nDelete connection c-1: failed .*\n$/);
  });
});
