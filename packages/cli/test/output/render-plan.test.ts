/**
 * The human plan format, pinned by a golden file: a create with its values, an update with old → new and a
 * changed secret, a stream change, a replace with its reason, and a noop. Regenerate the file with
 * `UPDATE_GOLDEN=1` only when the format is meant to change, and review the diff.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import type { PlannedChange } from '@airbyte-provisioner/core';
import { changesPending, renderPlanDetailed } from '../../src/output/render-plan.js';
import { reviewPlan } from '../support/review-plan.js';

const golden = new URL('./golden/plan.txt', import.meta.url);

describe('the human plan format', () => {
  it('matches the golden file for a create, an update with values, a stream change, a replace and a noop', () => {
    const text = renderPlanDetailed(reviewPlan);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, text);
    expect(text).to.equal(readFileSync(golden, 'utf8'));
  });

  it('has no escape sequence off a terminal, and colours the actions on one', () => {
    expect(renderPlanDetailed(reviewPlan, { colour: false })).to.not.include('\u001b[');
    const coloured = renderPlanDetailed(reviewPlan, { colour: true });
    expect(coloured).to.include('\u001b[32m+   create  \u001b[0msource "orders-file"');
    expect(coloured).to.include('\u001b[31m-/+ replace \u001b[0msource "legacy-db"');
    // without its escapes, the coloured plan is the plain one
    expect(coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '')).to.equal(
      renderPlanDetailed(reviewPlan),
    );
  });

  it('says when nothing changes, and when secrets are sent again only because their past is unknown', () => {
    const noop: PlannedChange = { kind: 'source', name: 'a', action: 'noop', id: 's' };
    expect(renderPlanDetailed([noop])).to.equal('    noop    source "a" (s)\n\nNothing to change.\n');
    expect(changesPending([noop])).to.equal(false);
    expect(changesPending(reviewPlan)).to.equal(true);
    expect(
      renderPlanDetailed([
        {
          kind: 'destination',
          name: 'd',
          action: 'update',
          id: 'd-1',
          secretsUnknown: true,
          valueChanges: [{ path: 'configuration.password', secret: true }],
        },
      ]),
    ).to.include('configuration.password: (secret, sent again: its previous value is unknown)');
  });

  it('says when the streams will come from discovery', () => {
    expect(
      renderPlanDetailed([
        { kind: 'connection', name: 'c', action: 'create', values: [], streamsFromDiscovery: true },
      ]),
    ).to.include('streams: every stream the source offers, discovered when provisioning');
  });
});
