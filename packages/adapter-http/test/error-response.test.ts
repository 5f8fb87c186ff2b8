import type { AirbyteError, ProvisioningError } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import { describeError, errorResponse } from '../src/index.js';

const airbyteErrors: ReadonlyArray<[AirbyteError, RegExp, RegExp]> = [
  [{ _tag: 'AirbyteUnavailable', detail: 'reset' }, /Airbyte unavailable: reset/, /safely be sent again/],
  [
    { _tag: 'AirbyteBadResponse', detail: 'not JSON' },
    /Airbyte answered unexpectedly: not JSON/,
    /sent again/,
  ],
  [
    { _tag: 'AirbyteUnauthorized', status: 401, detail: 'bad secret' },
    /Airbyte refused our credentials/,
    /AIRBYTE_CLIENT_ID/,
  ],
  [
    { _tag: 'AirbyteUnauthorized', status: 403, detail: 'forbidden' },
    /Airbyte refused access/,
    /cannot see the configured workspace: .*AIRBYTE_WORKSPACE_ID/,
  ],
  [
    { _tag: 'AirbyteRejected', status: 422, detail: 'bad url' },
    /Airbyte rejected: bad url/,
    /connectionConfiguration/,
  ],
  [
    { _tag: 'AirbyteRejected', status: 400, detail: 'Unknown destinationType "nosuch"' },
    /Airbyte rejected: Unknown destinationType/,
    /^(?!.*connectionConfiguration).*destinationType.*definitionId/,
  ],
  [{ _tag: 'AirbyteConflict', detail: 'sync running' }, /Airbyte reported a conflict: sync running/, /wait/],
  [{ _tag: 'AirbyteNotFound', detail: 'gone' }, /Airbyte did not find a resource: gone/, /recreates/],
  [
    { _tag: 'AirbyteNotFound', detail: 'Could not find definitionId 0000' },
    /Airbyte did not find a resource: Could not find definitionId/,
    /^(?!.*recreates).*sourceType \/ destinationType.*definitionId/,
  ],
];

describe('errorResponse: the one mapping from core errors to HTTP', () => {
  for (const [error, message, advice] of airbyteErrors) {
    it(`${error._tag} during a step is a 500 that names the step, the problem and what to do`, () => {
      const failure: ProvisioningError = { _tag: 'AirbyteFailure', step: 'create source "orders"', error };
      const { status, body } = errorResponse(failure);
      expect(status).to.equal(500);
      expect(body).to.have.keys('error', 'userMessage', 'moreInfo');
      expect(body.userMessage)
        .to.match(/^create source "orders" failed: /)
        .and.match(message);
      expect(body.moreInfo.solutions.join(' ')).to.match(advice);
    });
  }

  it('a refused workspace creation (per-data-product mode) says the application needs to create workspaces', () => {
    const { body } = errorResponse({
      _tag: 'AirbyteFailure',
      step: 'create workspace "sales.orders.1"',
      error: { _tag: 'AirbyteUnauthorized', status: 403, detail: 'forbidden' },
    });
    expect(body.moreInfo.solutions.join(' ')).to.match(/may not create workspaces.*organization_editor/);
  });

  it('an invalid request lists every problem as "path: message", its first path as inputErrorField', () => {
    const { status, body } = errorResponse({
      _tag: 'InvalidRequest',
      problems: [
        { path: 'specific.source.name', message: 'is required' },
        { path: '', message: 'root problem' },
      ],
    });
    expect(status).to.equal(400);
    expect(body).to.deep.include({
      errors: ['specific.source.name: is required', 'root problem'],
      inputErrorField: 'specific.source.name',
    });
    expect(body.moreInfo.problems).to.deep.equal(['specific.source.name: is required', 'root problem']);
  });

  it('an unknown token is a 400 that bounds and cleans the echoed token', () => {
    const { status, body } = errorResponse({ _tag: 'UnknownTask', token: `${'a'.repeat(500)}\u0000<x>` });
    expect(status).to.equal(400);
    expect(body.userMessage.length).to.be.lessThan(200);
    expect(body.userMessage).to.not.include('\u0000');
    expect(body).to.not.have.property('inputErrorField');
  });

  it('a state conflict names the ids Airbyte holds', () => {
    const { message } = describeError({
      _tag: 'StateConflict',
      step: 'find source',
      message: 'two sources named x',
      ids: ['s-1', 's-2'],
    });
    expect(message).to.equal('find source failed: two sources named x (ids: s-1, s-2)');
  });

  it("a job that did not succeed points at the job's logs in Airbyte, not at a clash of names", () => {
    for (const step of ['wait for the sync', 'clear the synced data']) {
      const { solutions } = describeError({
        _tag: 'StateConflict',
        step,
        message: 'job 7 failed',
        ids: ['7'],
      });
      expect(solutions, step).to.deep.equal([
        "Read why the job did not succeed in its logs in the Airbyte UI (Airbyte's public API does not give the reason), fix the cause, then send the request again.",
      ]);
    }
    const clash = describeError({ _tag: 'StateConflict', step: 'find source', message: 'two', ids: [] });
    expect(clash.solutions[0]).to.match(/^Resolve the conflict in Airbyte/);
  });

  it('access not released after an unprovision says the pipeline is gone, what to fix, and to send it again', () => {
    const resend =
      'Send the unprovision again once that is fixed: it finds the pipeline gone and releases the access that is left.';
    const down: ProvisioningError = {
      _tag: 'AccessNotReleased',
      cause: {
        _tag: 'AirbyteFailure',
        step: 'revoke workspace_reader from u1',
        error: { _tag: 'AirbyteUnavailable', detail: '503' },
      },
    };
    const answer = errorResponse(down);
    expect(answer.status).to.equal(500);
    expect(answer.body.userMessage).to.equal(
      'The Airbyte pipeline was removed, but the access its component gave could not be released: revoke workspace_reader from u1 failed: Airbyte unavailable: 503',
    );
    expect(answer.body.moreInfo.solutions).to.deep.equal([
      'Airbyte is unavailable; the request can safely be sent again once Airbyte is healthy.',
      resend,
    ]);
    // an edition without permissions says what to do in its own message: nothing about unsupported operations
    const noRbac = describeError({
      _tag: 'AccessNotReleased',
      cause: { _tag: 'Unsupported', message: 'no RBAC' },
    });
    expect(noRbac.solutions).to.deep.equal([resend]);
    const database = errorResponse({
      _tag: 'AccessNotReleased',
      cause: { _tag: 'StateUnavailable', message: 'down' },
    });
    expect(database.status).to.equal(503);
  });
});
