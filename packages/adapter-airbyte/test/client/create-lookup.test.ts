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
const justCreated = Math.floor(NOW / 1000) + 1;
const longAgo = Math.floor(NOW / 1000) - 86_400;

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
    const { gateway } = harness();
    airbyte().post(`${PREFIX}/sources`).reply(502, 'bad gateway');
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery)
      .reply(200, { data: [sourceResponse({ sourceId: 'old-twin', createdAt: longAgo })] });
    airbyte()
      .post(`${PREFIX}/sources`)
      .reply(200, sourceResponse({ createdAt: justCreated }));
    const result = await run(gateway.createActor('source', spec));
    expect(E.map((a: { id: string }) => a.id)(result)).to.deep.equal(E.right(SOURCE_ID));
  });

  it('says when a create sent again may still be doubled by its first attempt, and when it cannot', async () => {
    type Interceptor = ReturnType<ReturnType<typeof airbyte>['post']>;
    const firstAnswers: ReadonlyArray<readonly [(i: Interceptor) => unknown, boolean]> = [
      [(i) => i.reply(502, 'bad gateway'), true],
      [(i) => i.replyWithError(networkFailure('ECONNRESET')), true],
      // a 429 was refused, not performed
      [(i) => i.reply(429, {}, { 'Retry-After': '0' }), false],
    ];
    for (const [first, doubtful] of firstAnswers) {
      const { gateway } = harness();
      first(airbyte().post(`${PREFIX}/sources`));
      airbyte().get(`${PREFIX}/sources`).query(listQuery).reply(200, { data: [] });
      airbyte()
        .post(`${PREFIX}/sources`)
        .reply(200, sourceResponse({ createdAt: justCreated }));
      const result = await run(gateway.createActor('source', spec));
      expect(E.map((a: { doubtfulSince?: number }) => a.doubtfulSince)(result)).to.deep.equal(
        E.right(doubtful ? NOW : undefined),
      );
    }
  });

  it('counts a match whose creation time Airbyte did not give as ours', async () => {
    const { gateway } = harness();
    airbyte().post(`${PREFIX}/sources`).replyWithError(networkFailure('ECONNRESET'));
    const { createdAt: _, ...withoutCreatedAt } = sourceResponse();
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery)
      .reply(200, { data: [withoutCreatedAt] });
    const result = await run(gateway.createActor('source', spec));
    expect(E.map((a: { id: string }) => a.id)(result)).to.deep.equal(E.right(SOURCE_ID));
  });

  it('reads createdAt in milliseconds too', async () => {
    const { gateway } = harness();
    airbyte().post(`${PREFIX}/sources`).reply(503, '');
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery)
      .reply(200, {
        data: [
          sourceResponse({ sourceId: 'old', createdAt: longAgo * 1000 }),
          sourceResponse({ createdAt: NOW + 500 }),
        ],
      });
    const result = await run(gateway.createActor('source', spec));
    expect(E.map((a: { id: string }) => a.id)(result)).to.deep.equal(E.right(SOURCE_ID));
  });

  it('refuses to guess when two new matches appeared', async () => {
    const { gateway } = harness();
    airbyte().post(`${PREFIX}/sources`).once().reply(504, '');
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery)
      .reply(200, {
        data: [
          sourceResponse({ sourceId: 'new-1', createdAt: justCreated }),
          sourceResponse({ sourceId: 'new-2', createdAt: justCreated }),
        ],
      });
    expect(await run(gateway.createActor('source', spec))).to.deep.equal(
      E.left({
        _tag: 'AirbyteConflict',
        detail:
          'POST /sources: the answer was lost and 2 resources with this name appeared since (new-1, new-2); not creating another',
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
      const { gateway } = harness();
      airbyte().post(`${PREFIX}/sources`).reply(503, '');
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery)
        .reply(200, { data: [postgresTwin(justCreated)] });
      airbyte()
        .post(`${PREFIX}/sources`)
        .reply(200, sourceResponse({ createdAt: justCreated }));
      const result = await run(gateway.createActor('source', spec));
      expect(E.map((a: { id: string }) => a.id)(result)).to.deep.equal(E.right(SOURCE_ID));
    });

    it('answers the one of the connector type it created (compared as the planner does, ignoring case)', async () => {
      const { gateway } = harness();
      airbyte().post(`${PREFIX}/sources`).replyWithError(networkFailure('ECONNRESET'));
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery)
        .reply(200, {
          data: [postgresTwin(justCreated), sourceResponse({ sourceType: 'File', createdAt: justCreated })],
        });
      const result = await run(gateway.createActor('source', spec));
      expect(E.map((a: { id: string }) => a.id)(result)).to.deep.equal(E.right(SOURCE_ID));
    });

    it('answers the one of the definition it created, for a connector chosen by definition id', async () => {
      const { gateway } = harness();
      airbyte().post(`${PREFIX}/sources`).reply(504, '');
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery)
        .reply(200, {
          data: [
            // same type name, another definition (a custom or pinned build): not ours either
            sourceResponse({
              sourceId: 'custom-file',
              definitionId: 'another-definition',
              createdAt: justCreated,
            }),
            postgresTwin(justCreated),
            sourceResponse({ createdAt: justCreated }),
          ],
        });
      const result = await run(
        gateway.createActor('source', {
          ...spec,
          connector: { _tag: 'DefinitionId', definitionId: FILE_DEF },
        }),
      );
      expect(E.map((a: { id: string }) => a.id)(result)).to.deep.equal(E.right(SOURCE_ID));
    });
  });

  it('finds a connection its lost create made, matching name, source and destination', async () => {
    const connectionSpec: ConnectionSpec = {
      name: 'orders-pipeline',
      sourceId: SOURCE_ID,
      destinationId: DEST_ID,
      streams: [{ name: 'orders' }],
      schedule: { scheduleType: 'manual' },
      status: 'active',
    };
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
    expect(E.map((c: { id: string }) => c.id)(result)).to.deep.equal(E.right(CONN_ID));
  });
});
