import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { airbyte, harness, PREFIX, run, setUpNock, SOURCE_ID, WS } from './fixtures.js';

const WHAT = `GET /workspaces/${WS}`;

describe('AirbytePublicApiGateway error table', () => {
  setUpNock();

  const answer = async (
    status: number,
    body: string | Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const { gateway } = harness({ retry: { maxAttempts: 1 } });
    airbyte().get(`${PREFIX}/workspaces/${WS}`).reply(status, body, headers);
    return run(gateway.checkWorkspace());
  };

  const cases: ReadonlyArray<readonly [number, Record<string, unknown>]> = [
    [400, { _tag: 'AirbyteRejected', status: 400, detail: `${WHAT} was rejected by Airbyte (400): why` }],
    [422, { _tag: 'AirbyteRejected', status: 422, detail: `${WHAT} was rejected by Airbyte (422): why` }],
    [405, { _tag: 'AirbyteRejected', status: 405, detail: `${WHAT} was rejected by Airbyte (405): why` }],
    [
      401,
      {
        _tag: 'AirbyteUnauthorized',
        status: 401,
        detail: `${WHAT} was refused: Airbyte did not accept our credentials (401): why`,
      },
    ],
    [
      403,
      {
        _tag: 'AirbyteUnauthorized',
        status: 403,
        detail: `${WHAT} was refused: our credentials do not give access to it (403): why`,
      },
    ],
    [404, { _tag: 'AirbyteNotFound', detail: `${WHAT} not found (404): why` }],
    [409, { _tag: 'AirbyteConflict', detail: `${WHAT} conflicts with the state of Airbyte (409): why` }],
    [429, { _tag: 'AirbyteUnavailable', detail: `${WHAT}: Airbyte is rate limiting us (429): why` }],
    [500, { _tag: 'AirbyteUnavailable', detail: `${WHAT}: Airbyte is unavailable (500): why` }],
    [502, { _tag: 'AirbyteUnavailable', detail: `${WHAT}: Airbyte is unavailable (502): why` }],
    [503, { _tag: 'AirbyteUnavailable', detail: `${WHAT}: Airbyte is unavailable (503): why` }],
    [504, { _tag: 'AirbyteUnavailable', detail: `${WHAT}: Airbyte is unavailable (504): why` }],
  ];
  for (const [status, expected] of cases) {
    it(`maps ${status} to ${String(expected['_tag'])}`, async () => {
      expect(await answer(status, { type: 'about:blank', status, detail: 'why' })).to.deep.equal(
        E.left(expected),
      );
    });
  }

  it('uses the problem title when there is no detail', async () => {
    expect(await answer(422, { title: 'value-not-allowed', status: 422 })).to.deep.equal(
      E.left({
        _tag: 'AirbyteRejected',
        status: 422,
        detail: `${WHAT} was rejected by Airbyte (422): value-not-allowed`,
      }),
    );
  });

  it('uses an older error message field', async () => {
    expect(await answer(400, { message: 'Invalid workspace id' })).to.deep.equal(
      E.left({
        _tag: 'AirbyteRejected',
        status: 400,
        detail: `${WHAT} was rejected by Airbyte (400): Invalid workspace id`,
      }),
    );
  });

  it('passes on the errorId of an error that carries nothing else', async () => {
    expect(await answer(500, { errorId: 'a1b2c3' })).to.deep.equal(
      E.left({ _tag: 'AirbyteUnavailable', detail: `${WHAT}: Airbyte is unavailable (500): errorId a1b2c3` }),
    );
  });

  it('keeps the detail and the errorId together', async () => {
    expect(await answer(400, { detail: 'bad cron', errorId: 'e-9' })).to.deep.equal(
      E.left({
        _tag: 'AirbyteRejected',
        status: 400,
        detail: `${WHAT} was rejected by Airbyte (400): bad cron; errorId e-9`,
      }),
    );
  });

  it('shows a short plain-text body', async () => {
    expect(await answer(502, 'upstream   connect error')).to.deep.equal(
      E.left({
        _tag: 'AirbyteUnavailable',
        detail: `${WHAT}: Airbyte is unavailable (502): upstream connect error`,
      }),
    );
  });

  it('hides an HTML error page, an empty body and a JSON body without a message', async () => {
    expect(await answer(503, '<html><body>nginx</body></html>')).to.deep.equal(
      E.left({ _tag: 'AirbyteUnavailable', detail: `${WHAT}: Airbyte is unavailable (503)` }),
    );
    expect(await answer(404, '')).to.deep.equal(
      E.left({ _tag: 'AirbyteNotFound', detail: `${WHAT} not found (404)` }),
    );
    expect(await answer(409, { status: 409, detail: '' })).to.deep.equal(
      E.left({ _tag: 'AirbyteConflict', detail: `${WHAT} conflicts with the state of Airbyte (409)` }),
    );
  });

  it('truncates a very long detail', async () => {
    const result = await answer(400, { detail: 'x'.repeat(2000) });
    expect(E.isLeft(result) && result.left.detail.length).to.equal(
      `${WHAT} was rejected by Airbyte (400): `.length + 501,
    );
  });

  it('reports a success whose body is not JSON as a bad answer', async () => {
    expect(await answer(200, 'OK')).to.deep.equal(
      E.left({
        _tag: 'AirbyteBadResponse',
        detail: `${WHAT}: unexpected answer from Airbyte: the body is not JSON (2 characters)`,
      }),
    );
  });

  it('reports a success whose body does not decode as a bad answer, with the path', async () => {
    const { gateway } = harness();
    airbyte().get(`${PREFIX}/sources/${SOURCE_ID}`).reply(200, { sourceId: SOURCE_ID, name: 7 });
    const result = await run(gateway.findActorById('source', SOURCE_ID));
    expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteBadResponse');
    expect(E.isLeft(result) && result.left.detail).to.include('name: must be string, got 7');
  });

  it('checks the workspace: found is success', async () => {
    expect(
      await answer(200, { workspaceId: WS, name: 'acme', dataResidency: 'auto', notifications: {} }),
    ).to.deep.equal(E.right(undefined));
  });
});
