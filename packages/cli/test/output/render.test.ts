import { expect } from 'chai';
import {
  accessNotReleased,
  airbyteFailure,
  airbyteUnavailable,
  airbyteRejected,
  invalidRequest,
  problem,
  stateConflict,
} from '@airbyte-provisioner/core';
import { exitCodeOf } from '../../src/output/exit-code.js';
import { errorSummary, renderFailure } from '../../src/output/render.js';

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
      'create source "a" failed: Airbyte rejected: bad url',
    );
    expect(errorSummary(stateConflict('find source', 'two sources named a', ['1', '2']))).to.equal(
      'find source failed: two sources named a (ids: 1, 2)',
    );
  });

  it('an unprovision whose access could not be released: a failure (2), saying the pipeline is gone and to run it again', () => {
    const noRbac = accessNotReleased({
      _tag: 'Unsupported',
      message: 'Airbyte has no role-based access here',
    });
    expect(exitCodeOf(noRbac)).to.equal(2);
    const down = accessNotReleased(
      airbyteFailure('revoke workspace_reader from u1', airbyteUnavailable('503')),
    );
    const text = renderFailure({
      error: down,
      logs: [{ timestamp: 't', level: 'ERROR', message: errorSummary(down) }],
    });
    expect(text).to.equal(
      [
        'Failed. The Airbyte pipeline was removed, but the access its component gave could not be released: revoke workspace_reader from u1 failed: Airbyte unavailable: 503',
        'What to do: Airbyte could not be reached or is unavailable: check AIRBYTE_API_URL and that Airbyte is running; running the command again is safe. Then run the unprovision again: it finds the pipeline gone and releases the access that is left.',
        '',
      ].join('\n'),
    );
  });
});
