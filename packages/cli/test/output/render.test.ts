import { expect } from 'chai';
import {
  airbyteFailure,
  airbyteRejected,
  invalidRequest,
  problem,
  stateConflict,
} from '@airbyte-provisioner/core';
import { exitCodeOf } from '../../src/output/exit-code.js';
import { errorSummary } from '../../src/output/render.js';

describe('render', () => {
  it('maps errors to exit codes: input problems 1, Airbyte and system failures 2', () => {
    expect(exitCodeOf(invalidRequest([problem('a', 'b')]))).to.equal(1);
    expect(exitCodeOf({ _tag: 'Unsupported', message: 'x' })).to.equal(1);
    expect(exitCodeOf(airbyteFailure('create source "a"', airbyteRejected(422, 'bad')))).to.equal(2);
    expect(exitCodeOf(stateConflict('find source', 'two sources named a', ['1', '2']))).to.equal(2);
    expect(exitCodeOf({ _tag: 'Internal', message: 'x' })).to.equal(2);
  });

  it('summarizes errors in one readable line', () => {
    expect(errorSummary(airbyteFailure('create source "a"', airbyteRejected(422, 'bad url')))).to.equal(
      'Airbyte failed at "create source "a"" (AirbyteRejected): bad url',
    );
    expect(errorSummary(stateConflict('find source', 'two sources named a', ['1', '2']))).to.equal(
      'Stopped at "find source": two sources named a (ids: 1, 2)',
    );
  });
});
