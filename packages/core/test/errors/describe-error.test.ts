import { expect } from 'chai';
import {
  airbyteBadResponse,
  airbyteConflict,
  airbyteFailure,
  airbyteNotFound,
  airbyteRejected,
  airbyteUnauthorized,
  airbyteUnavailable,
  describeError,
  internal,
  invalidRequest,
  problem,
  stateConflict,
  unknownTask,
  unsupported,
} from '../../src/errors/index.js';

describe('describeError', () => {
  it('gives every failure one line, naming the step, what Airbyte did and its detail', () => {
    expect(describeError(invalidRequest([problem('a.b', 'is required'), problem('', 'bad')]))).to.equal(
      'The request is invalid: a.b: is required; bad',
    );
    expect(describeError(unsupported('no reverse provisioning'))).to.equal('no reverse provisioning');
    expect(describeError(stateConflict('find source', 'two sources named a', ['1', '2']))).to.equal(
      'find source failed: two sources named a (ids: 1, 2)',
    );
    expect(describeError(stateConflict('find source', 'gone', []))).to.equal('find source failed: gone');
    expect(describeError(internal('boom'))).to.equal('Internal error: boom');
    const airbyte = [
      [airbyteUnavailable('reset'), 'unavailable'],
      [airbyteBadResponse('not JSON'), 'answered unexpectedly'],
      [airbyteUnauthorized(401, 'expired'), 'refused our credentials'],
      [airbyteRejected(422, 'bad url'), 'rejected'],
      [airbyteConflict('sync running'), 'reported a conflict'],
      [airbyteNotFound('no source'), 'did not find a resource'],
    ] as const;
    for (const [error, what] of airbyte)
      expect(describeError(airbyteFailure('create source "a"', error))).to.equal(
        `create source "a" failed: Airbyte ${what}: ${error.detail}`,
      );
  });

  it('prints a caller-sent token safely: printable characters only, at most 64 of them', () => {
    expect(describeError(unknownTask('t-1'))).to.equal(
      'The token t-1 is unknown or expired; the request can safely be sent again.',
    );
    const long = describeError(unknownTask(`\u0000\n${'x'.repeat(100)}`));
    expect(long).to.equal(
      `The token ??${'x'.repeat(62)}… is unknown or expired; the request can safely be sent again.`,
    );
  });
});
