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

  describe("Airbyte's problem bodies (specific text in data, generic detail)", () => {
    const ERRORS = 'https://reference.airbyte.com/reference/errors';

    it('reads data.message before the generic detail of a 422 connector-spec failure', async () => {
      const body = {
        status: 422,
        type: `${ERRORS}#unprocessable-entity`,
        title: 'unprocessable-entity',
        detail: 'The body of the request was not understood',
        data: {
          message:
            "json schema validation failed when comparing the data to the json schema. \nErrors: $: required property 'database' not found ",
        },
      };
      expect(await answer(422, body, { 'content-type': 'application/json' })).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 422,
          detail: `${WHAT} was rejected by Airbyte (422): json schema validation failed when comparing the data to the json schema. Errors: $: required property 'database' not found`,
        }),
      );
    });

    it('reads the message of a try-again-later 409 and of a bad-request 400', async () => {
      expect(
        await answer(409, {
          status: 409,
          type: `${ERRORS}#try-again-later`,
          title: 'try-again-later',
          detail: 'Please try again later.',
          data: { message: 'A sync is already running for: c-1' },
        }),
      ).to.deep.equal(
        E.left({
          _tag: 'AirbyteConflict',
          detail: `${WHAT} conflicts with the state of Airbyte (409): A sync is already running for: c-1`,
        }),
      );
      expect(
        await answer(400, {
          status: 400,
          type: `${ERRORS}#bad-request`,
          title: 'bad-request',
          detail: 'The request could not be understood by the server due to malformed syntax.',
          data: { message: 'Missing cron expression in the schedule.' },
        }),
      ).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 400,
          detail: `${WHAT} was rejected by Airbyte (400): Missing cron expression in the schedule.`,
        }),
      );
    });

    it('names what was not found, and the value that was not known', async () => {
      expect(
        await answer(404, {
          status: 404,
          type: `${ERRORS}#resource-not-found`,
          title: 'resource-not-found',
          detail: 'The requested resource could not be found.',
          data: { resourceType: 'workspace', resourceId: WS },
        }),
      ).to.deep.equal(
        E.left({
          _tag: 'AirbyteNotFound',
          detail: `${WHAT} not found (404): The requested resource could not be found.; workspace ${WS}`,
        }),
      );
      expect(
        await answer(400, {
          status: 400,
          type: ERRORS,
          title: 'value-not-found',
          detail: 'The submitted value could not be found.',
          data: { value: 'files' },
        }),
      ).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 400,
          detail: `${WHAT} was rejected by Airbyte (400): The submitted value could not be found.; value "files"`,
        }),
      );
    });

    it('falls back to the detail when data has no message, and lists the errors of a Micronaut body', async () => {
      expect(
        await answer(422, {
          status: 422,
          type: `${ERRORS}#unprocessable-entity`,
          title: 'unprocessable-entity',
          detail: 'The body of the request was not understood',
          data: {},
        }),
      ).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 422,
          detail: `${WHAT} was rejected by Airbyte (422): The body of the request was not understood`,
        }),
      );
      expect(
        await answer(400, {
          message: 'Bad Request',
          _embedded: { errors: [{ message: 'Missing required creator property: name' }] },
        }),
      ).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 400,
          detail: `${WHAT} was rejected by Airbyte (400): Bad Request; Missing required creator property: name`,
        }),
      );
    });

    it('scrubs a secret we sent from data.message', async () => {
      const { gateway } = harness({ retry: { maxAttempts: 1 } });
      airbyte()
        .post(`${PREFIX}/sources`)
        .reply(422, {
          status: 422,
          title: 'unprocessable-entity',
          detail: 'The body of the request was not understood',
          data: { message: 'password hunter2-secret is too short' },
        });
      const result = await run(
        gateway.createActor('source', {
          name: 'pg',
          connector: { _tag: 'ConnectorType', connectorType: 'postgres' },
          configuration: { host: 'db', password: 'hunter2-secret' },
        }),
      );
      expect(E.isLeft(result) && result.left.detail).to.equal(
        'POST /sources was rejected by Airbyte (422): password [redacted] is too short',
      );
    });
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
