import type { ActorSpec, ConnectionSpec } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import {
  airbyte,
  CONN_ID,
  connectionResponse,
  DEST_ID,
  FILE_DEF,
  harness,
  networkFailure,
  NOW,
  PREFIX,
  run,
  setUpNock,
  SOURCE_ID,
  sourceResponse,
  WS,
} from './fixtures.js';

const spec: ActorSpec = {
  name: 'orders-file',
  connector: { _tag: 'ConnectorType', connectorType: 'file' },
  configuration: {
    dataset_name: 'orders',
    format: 'csv',
    url: 'https://example.com/o.csv',
    provider: { storage: 'HTTPS' },
  },
};
const listQuery = { workspaceIds: WS, limit: '100', offset: '0' };
const connectionSpec: ConnectionSpec = {
  name: 'orders-pipeline',
  sourceId: SOURCE_ID,
  destinationId: DEST_ID,
  streams: [{ name: 'orders' }],
  schedule: { scheduleType: 'manual' },
  status: 'active',
};
const justCreated = Math.floor(NOW / 1000) + 1;
const longAgo = Math.floor(NOW / 1000) - 86_400;

type PostInterceptor = ReturnType<ReturnType<typeof airbyte>['post']>;

/**
 * A source create whose first answer is `first`, then a lookup that lists `listed`, then (if given) the
 * answer to a second POST: what the gateway answers in the end.
 */
const lostSourceCreate = (
  first: (post: PostInterceptor) => unknown,
  listed: ReadonlyArray<unknown>,
  options: { readonly repost?: object; readonly spec?: ActorSpec } = {},
) => {
  const { gateway } = harness();
  first(airbyte().post(`${PREFIX}/sources`));
  airbyte().get(`${PREFIX}/sources`).query(listQuery).reply(200, { data: listed });
  if (options.repost !== undefined) airbyte().post(`${PREFIX}/sources`).reply(200, options.repost);
  return run(gateway.createActor('source', options.spec ?? spec));
};
const idOf = E.map((a: { id: string }) => a.id);
const doubtOf = E.map((a: { doubtfulSince?: number }) => a.doubtfulSince);

describe('AirbytePublicApiGateway create whose answer was lost', () => {
  setUpNock();

  it('finds the source its timed-out create made and answers it, without posting again', async () => {
    const { gateway, sleeps } = harness({ timeoutMs: 30 });
    airbyte().post(`${PREFIX}/sources`).once().delay(300).reply(200, sourceResponse());
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery)
      .reply(200, {
        data: [
          sourceResponse({ sourceId: 'old-twin', createdAt: longAgo }),
          sourceResponse({ createdAt: justCreated }),
          sourceResponse({ sourceId: 'other', name: 'something-else', createdAt: justCreated }),
        ],
      });
    const result = await run(gateway.createActor('source', spec));
    expect(E.map((a: { id: string }) => a.id)(result)).to.deep.equal(E.right(SOURCE_ID));
    expect(sleeps).to.deep.equal([125]);
  });

  it('posts again when the lookup shows the create did not happen', async () => {
    const result = await lostSourceCreate(
      (post) => post.reply(502, 'bad gateway'),
      [sourceResponse({ sourceId: 'old-twin', createdAt: longAgo })],
      { repost: sourceResponse({ createdAt: justCreated }) },
    );
    expect(idOf(result)).to.deep.equal(E.right(SOURCE_ID));
  });

  it('says when a create sent again may still be doubled by its first attempt, and when it cannot', async () => {
    const firstAnswers: ReadonlyArray<readonly [(i: PostInterceptor) => unknown, boolean]> = [
      [(i) => i.reply(502, 'bad gateway'), true],
      [(i) => i.replyWithError(networkFailure('ECONNRESET')), true],
      // a 429 was refused, not performed
      [(i) => i.reply(429, {}, { 'Retry-After': '0' }), false],
    ];
    for (const [first, doubtful] of firstAnswers) {
      const result = await lostSourceCreate(first, [], {
        repost: sourceResponse({ createdAt: justCreated }),
      });
      expect(doubtOf(result)).to.deep.equal(E.right(doubtful ? NOW : undefined));
    }
  });

  it('keeps the doubt of an earlier attempt when the lookup after a later one finds the create', async () => {
    const { gateway } = harness();
    airbyte().post(`${PREFIX}/sources`).reply(502, 'bad gateway');
    airbyte().get(`${PREFIX}/sources`).query(listQuery).reply(200, { data: [] });
    airbyte().post(`${PREFIX}/sources`).replyWithError(networkFailure('ECONNRESET'));
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery)
      .reply(200, { data: [sourceResponse({ createdAt: justCreated })] });
    // the one found may be either attempt's, and the other may still land: the core must look again
    const result = await run(gateway.createActor('source', spec));
    expect(idOf(result)).to.deep.equal(E.right(SOURCE_ID));
    expect(doubtOf(result)).to.deep.equal(E.right(NOW));
  });

  it('counts a match whose creation time Airbyte did not give as ours', async () => {
    const { createdAt: _, ...withoutCreatedAt } = sourceResponse();
    const result = await lostSourceCreate(
      (post) => post.replyWithError(networkFailure('ECONNRESET')),
      [withoutCreatedAt],
    );
    expect(idOf(result)).to.deep.equal(E.right(SOURCE_ID));
  });

  it('reads createdAt in milliseconds too', async () => {
    const result = await lostSourceCreate(
      (post) => post.reply(503, ''),
      [
        sourceResponse({ sourceId: 'old', createdAt: longAgo * 1000 }),
        sourceResponse({ createdAt: NOW + 500 }),
      ],
    );
    expect(idOf(result)).to.deep.equal(E.right(SOURCE_ID));
  });

  it('refuses to guess when two new matches appeared', async () => {
    const result = await lostSourceCreate(
      (post) => post.reply(504, ''),
      [
        sourceResponse({ sourceId: 'new-1', createdAt: justCreated }),
        sourceResponse({ sourceId: 'new-2', createdAt: justCreated }),
      ],
    );
    expect(result).to.deep.equal(
      E.left({
        _tag: 'AirbyteConflict',
        detail:
          'POST /sources: the answer was lost and 2 matching resources appeared since (ids: new-1, new-2); not creating another: delete all but one in Airbyte, then deploy again',
      }),
    );
  });

  it('stops when the lookup itself fails', async () => {
    const { gateway } = harness({ retry: { maxAttempts: 2 } });
    airbyte().post(`${PREFIX}/sources`).once().reply(503, '');
    airbyte().get(`${PREFIX}/sources`).query(listQuery).reply(403, { detail: 'no list permission' });
    const result = await run(gateway.createActor('source', spec));
    expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteUnauthorized');
  });

  it('gives up with the create error after maxAttempts, having looked each time', async () => {
    const { gateway, sleeps } = harness({ retry: { maxAttempts: 2 } });
    airbyte().post(`${PREFIX}/sources`).times(2).reply(503, { detail: 'down' });
    airbyte().get(`${PREFIX}/sources`).query(listQuery).once().reply(200, { data: [] });
    expect(await run(gateway.createActor('source', spec))).to.deep.equal(
      E.left({ _tag: 'AirbyteUnavailable', detail: 'POST /sources: Airbyte is unavailable (503): down' }),
    );
    expect(sleeps).to.deep.equal([125]);
  });

  it('does not retry a create that failed with 500 (it may have half happened)', async () => {
    const { gateway, sleeps } = harness();
    airbyte().post(`${PREFIX}/sources`).once().reply(500, { errorId: 'x1' });
    const result = await run(gateway.createActor('source', spec));
    expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteUnavailable');
    expect(sleeps).to.deep.equal([]);
  });

  describe('beside an older same-named actor of another connector (the old half of a replace)', () => {
    const postgresTwin = (createdAt: number) =>
      sourceResponse({
        sourceId: 'old-postgres',
        sourceType: 'postgres',
        definitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
        createdAt,
      });

    it('posts again rather than adopt it, even when it is recent', async () => {
      const result = await lostSourceCreate((post) => post.reply(503, ''), [postgresTwin(justCreated)], {
        repost: sourceResponse({ createdAt: justCreated }),
      });
      expect(idOf(result)).to.deep.equal(E.right(SOURCE_ID));
    });

    it('answers the one of the connector type it created (compared as the planner does, ignoring case)', async () => {
      const result = await lostSourceCreate(
        (post) => post.replyWithError(networkFailure('ECONNRESET')),
        [postgresTwin(justCreated), sourceResponse({ sourceType: 'File', createdAt: justCreated })],
      );
      expect(idOf(result)).to.deep.equal(E.right(SOURCE_ID));
    });

    it('answers the one of the definition it created, for a connector chosen by definition id', async () => {
      const result = await lostSourceCreate(
        (post) => post.reply(504, ''),
        [
          // same type name, another definition (a custom or pinned build): not ours either
          sourceResponse({
            sourceId: 'custom-file',
            definitionId: 'another-definition',
            createdAt: justCreated,
          }),
          postgresTwin(justCreated),
          sourceResponse({ createdAt: justCreated }),
        ],
        { spec: { ...spec, connector: { _tag: 'DefinitionId', definitionId: FILE_DEF } } },
      );
      expect(idOf(result)).to.deep.equal(E.right(SOURCE_ID));
    });
  });

  it('finds a connection its lost create made, matching name, source and destination', async () => {
    const { gateway } = harness({ timeoutMs: 30 });
    airbyte().post(`${PREFIX}/connections`).once().delay(300).reply(200, connectionResponse());
    airbyte()
      .get(`${PREFIX}/connections`)
      .query(listQuery)
      .reply(200, {
        data: [
          connectionResponse({
            connectionId: 'elsewhere',
            sourceId: 'another-source',
            createdAt: justCreated,
          }),
          connectionResponse({ createdAt: justCreated }),
        ],
      });
    const result = await run(gateway.createConnection(connectionSpec));
    expect(idOf(result)).to.deep.equal(E.right(CONN_ID));
    // the one found is the timed-out attempt itself: nothing else can land
    expect(doubtOf(result)).to.deep.equal(E.right(undefined));
  });

  it('marks a connection created again after a lost create that the lookup did not find', async () => {
    const { gateway } = harness();
    airbyte().post(`${PREFIX}/connections`).reply(503, '');
    airbyte().get(`${PREFIX}/connections`).query(listQuery).reply(200, { data: [] });
    airbyte()
      .post(`${PREFIX}/connections`)
      .reply(200, connectionResponse({ createdAt: justCreated }));
    const result = await run(gateway.createConnection(connectionSpec));
    expect(idOf(result)).to.deep.equal(E.right(CONN_ID));
    expect(doubtOf(result)).to.deep.equal(E.right(NOW));
  });
});
