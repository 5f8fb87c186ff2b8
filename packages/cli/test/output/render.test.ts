import { expect } from 'chai';
import {
  airbyteFailure,
  airbyteRejected,
  invalidRequest,
  problem,
  stateConflict,
} from '@airbyte-provisioner/core';
import { exitCodeOf } from '../../src/output/exit-code.js';
import { errorSummary, renderChange, renderPlan } from '../../src/output/render.js';

describe('render', () => {
  it('prints each planned change with what changes or why', () => {
    expect(renderChange({ kind: 'source', name: 'a', action: 'create' })).to.equal('create  source "a"');
    expect(
      renderChange({
        kind: 'destination',
        name: 'b',
        action: 'update',
        id: 'd-1',
        changedFields: ['configuration.schema', 'configuration.credentials.password'],
      }),
    ).to.equal(
      'update  destination "b" (d-1): changes configuration.schema, configuration.credentials.password',
    );
    expect(
      renderChange({
        kind: 'connection',
        name: 'c',
        action: 'replace',
        id: 'c-1',
        reason: 'the source changed',
      }),
    ).to.equal('replace connection "c" (c-1): the source changed');
  });

  it('sums up whether anything changes', () => {
    expect(renderPlan([{ kind: 'source', name: 'a', action: 'noop', id: 's' }])).to.match(
      /Nothing to change\.\n$/,
    );
    expect(
      renderPlan([
        { kind: 'source', name: 'a', action: 'noop', id: 's' },
        { kind: 'connection', name: 'c', action: 'create' },
      ]),
    ).to.match(/1 of 2 resources change\.\n$/);
  });

  it('maps errors to exit codes: input problems 1, Airbyte and system failures 2', () => {
    expect(exitCodeOf(invalidRequest([problem('a', 'b')]))).to.equal(1);
    expect(exitCodeOf({ _tag: 'Unsupported', message: 'x' })).to.equal(1);
    expect(exitCodeOf(airbyteFailure('create source "a"', airbyteRejected(422, 'bad')))).to.equal(2);
    expect(exitCodeOf(stateConflict('find source', 'two sources named a', ['1', '2']))).to.equal(2);
    expect(exitCodeOf({ _tag: 'Internal', message: 'x' })).to.equal(2);
  });

  it('summarizes errors in one readable line', () => {
    expect(errorSummary(airbyteFailure('create source "a"', airbyteRejected(422, 'bad url')))).to.equal(
      'create source "a" failed: Airbyte rejected: bad url',
    );
    expect(errorSummary(stateConflict('find source', 'two sources named a', ['1', '2']))).to.equal(
      'find source failed: two sources named a (ids: 1, 2)',
    );
  });
});
