import type { ActorSpec } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import nock from 'nock';
import {
  airbyte,
  DEST_ID,
  destinationResponse,
  FILE_DEF,
  harness,
  ORIGIN,
  OTHER_WS,
  PREFIX,
  run,
  setUpNock,
  SNOWFLAKE_DEF,
  SOURCE_ID,
  sourceResponse,
  TOKEN,
  WS,
} from './fixtures.js';

const fileSource: ActorSpec = {
  name: 'orders-file',
  connector: { _tag: 'ConnectorType', connectorType: 'file' },
  configuration: {
    dataset_name: 'orders',
    format: 'csv',
    url: 'https://example.com/orders.csv',
    provider: { storage: 'HTTPS', user_agent: false },
  },
};

const snowflakeByDefinition: ActorSpec = {
  name: 'orders-snowflake',
  connector: { _tag: 'DefinitionId', definitionId: SNOWFLAKE_DEF },
  configuration: {
    host: 'acme.snowflakecomputing.com',
    database: 'SALES',
    schema: 'ORDERS',
    credentials: { auth_type: 'Username and Password', password: 'hunter2-snowflake' },
  },
};

const fileActor = {
  kind: 'source',
  id: SOURCE_ID,
  name: 'orders-file',
  workspaceId: WS,
  connectorType: 'file',
  definitionId: FILE_DEF,
  configuration: sourceResponse().configuration,
};

const snowflakeActor = {
  kind: 'destination',
  id: DEST_ID,
  name: 'orders-snowflake',
  workspaceId: WS,
  connectorType: 'snowflake',
  definitionId: SNOWFLAKE_DEF,
  configuration: destinationResponse().configuration,
};

const listQuery = (offset: number, limit = 100) => ({
  workspaceIds: WS,
  limit: String(limit),
  offset: String(offset),
});

describe('AirbytePublicApiGateway sources and destinations', () => {
  setUpNock();

  describe('findActorById', () => {
    it('reads a source by id', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/sources/${SOURCE_ID}`)
        .reply(200, sourceResponse({ extraField: 'ignored' }));
      expect(await run(gateway.findActorById('source', SOURCE_ID))).to.deep.equal(E.right(O.some(fileActor)));
    });

    it('reads a destination by id', async () => {
      const { gateway } = harness();
      airbyte().get(`${PREFIX}/destinations/${DEST_ID}`).reply(200, destinationResponse());
      expect(await run(gateway.findActorById('destination', DEST_ID))).to.deep.equal(
        E.right(O.some(snowflakeActor)),
      );
    });

    it('answers none when Airbyte answers 404', async () => {
      const { gateway } = harness();
      airbyte().get(`${PREFIX}/sources/${SOURCE_ID}`).reply(404, { title: 'not-found' });
      expect(await run(gateway.findActorById('source', SOURCE_ID))).to.deep.equal(E.right(O.none));
    });

    it('answers none for a resource of another workspace', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/sources/${SOURCE_ID}`)
        .reply(200, sourceResponse({ workspaceId: OTHER_WS }));
      expect(await run(gateway.findActorById('source', SOURCE_ID))).to.deep.equal(E.right(O.none));
    });

    it('escapes the id in the path', async () => {
      const { gateway } = harness();
      airbyte().get(`${PREFIX}/sources/a%2Fb`).reply(404, {});
      expect(await run(gateway.findActorById('source', 'a/b'))).to.deep.equal(E.right(O.none));
    });
  });

  describe('findActorsByName', () => {
    it('walks every page of the workspace and keeps exact name matches only', async () => {
      const { gateway } = harness({ pageSize: 2 });
      const other = (n: number) => sourceResponse({ sourceId: `id-${n}`, name: `orders-file-${n}` });
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery(0, 2))
        .reply(200, {
          data: [other(1), sourceResponse()],
          next: 'http://internal:8001/api/public/v1/sources?offset=2',
        });
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery(2, 2))
        .reply(200, { data: [other(2), sourceResponse({ sourceId: 'id-dup', name: 'ORDERS-FILE' })] });
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery(4, 2))
        .reply(200, { data: [sourceResponse({ sourceId: 'id-twin' })], next: 'http://internal:8001/never' });
      expect(await run(gateway.findActorsByName('source', 'orders-file'))).to.deep.equal(
        E.right([fileActor, { ...fileActor, id: 'id-twin' }]),
      );
    });

    it('stops on an empty page after full ones', async () => {
      const { gateway } = harness({ pageSize: 1 });
      airbyte()
        .get(`${PREFIX}/destinations`)
        .query(listQuery(0, 1))
        .reply(200, { data: [destinationResponse()] });
      airbyte().get(`${PREFIX}/destinations`).query(listQuery(1, 1)).reply(200, { data: [] });
      expect(await run(gateway.findActorsByName('destination', 'orders-snowflake'))).to.deep.equal(
        E.right([snowflakeActor]),
      );
    });

    it('ignores resources of another workspace even if Airbyte lists them', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery(0))
        .reply(200, { data: [sourceResponse({ workspaceId: OTHER_WS })] });
      expect(await run(gateway.findActorsByName('source', 'orders-file'))).to.deep.equal(E.right([]));
    });

    it('fails with the page error when a later page fails', async () => {
      const { gateway } = harness({ pageSize: 1, retry: { maxAttempts: 1 } });
      airbyte()
        .get(`${PREFIX}/sources`)
        .query(listQuery(0, 1))
        .reply(200, { data: [sourceResponse()] });
      airbyte().get(`${PREFIX}/sources`).query(listQuery(1, 1)).reply(403, { detail: 'no access' });
      const result = await run(gateway.findActorsByName('source', 'orders-file'));
      expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteUnauthorized');
    });
  });

  describe('createActor', () => {
    it('creates a source by connector type: sourceType inside the configuration', async () => {
      const { gateway } = harness();
      nock(ORIGIN, {
        reqheaders: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
      })
        .post(`${PREFIX}/sources`, {
          name: 'orders-file',
          workspaceId: WS,
          configuration: { ...fileSource.configuration, sourceType: 'file' },
        })
        .reply(200, sourceResponse());
      expect(await run(gateway.createActor('source', fileSource))).to.deep.equal(E.right(fileActor));
    });

    it('creates a destination by definition id: definitionId at the top level', async () => {
      const { gateway } = harness();
      airbyte()
        .post(`${PREFIX}/destinations`, {
          name: 'orders-snowflake',
          workspaceId: WS,
          definitionId: SNOWFLAKE_DEF,
          configuration: snowflakeByDefinition.configuration,
        })
        .reply(200, destinationResponse());
      expect(await run(gateway.createActor('destination', snowflakeByDefinition))).to.deep.equal(
        E.right(snowflakeActor),
      );
    });

    it('creates a destination by connector type: destinationType inside the configuration', async () => {
      const { gateway } = harness();
      airbyte()
        .post(`${PREFIX}/destinations`, {
          name: 'orders-snowflake',
          workspaceId: WS,
          configuration: { ...snowflakeByDefinition.configuration, destinationType: 'snowflake' },
        })
        .reply(200, destinationResponse());
      const spec: ActorSpec = {
        ...snowflakeByDefinition,
        connector: { _tag: 'ConnectorType', connectorType: 'snowflake' },
      };
      expect(await run(gateway.createActor('destination', spec))).to.deep.equal(E.right(snowflakeActor));
    });

    it('does not send a rejected create again', async () => {
      const { gateway } = harness();
      airbyte()
        .post(`${PREFIX}/sources`)
        .once()
        .reply(422, { type: 'about:blank', title: 'unprocessable', detail: 'url: must be a valid URL' });
      expect(await run(gateway.createActor('source', fileSource))).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 422,
          detail: 'POST /sources was rejected by Airbyte (422): url: must be a valid URL',
        }),
      );
    });
  });

  describe('updateActor', () => {
    it('replaces a source with PUT: name and full configuration, type included', async () => {
      const { gateway } = harness();
      airbyte()
        .put(`${PREFIX}/sources/${SOURCE_ID}`, {
          name: 'orders-file',
          configuration: { ...fileSource.configuration, sourceType: 'file' },
        })
        .reply(200, sourceResponse());
      expect(await run(gateway.updateActor('source', SOURCE_ID, fileSource))).to.deep.equal(
        E.right(fileActor),
      );
    });

    it('replaces a destination chosen by definition id with PUT, secrets sent in full', async () => {
      const { gateway } = harness();
      airbyte()
        .put(`${PREFIX}/destinations/${DEST_ID}`, {
          name: 'orders-snowflake',
          configuration: snowflakeByDefinition.configuration,
        })
        .reply(200, destinationResponse());
      expect(await run(gateway.updateActor('destination', DEST_ID, snowflakeByDefinition))).to.deep.equal(
        E.right(snowflakeActor),
      );
    });

    it('maps 404 on update to not found', async () => {
      const { gateway } = harness();
      airbyte().put(`${PREFIX}/sources/${SOURCE_ID}`).reply(404, { detail: 'no such source' });
      const result = await run(gateway.updateActor('source', SOURCE_ID, fileSource));
      expect(result).to.deep.equal(
        E.left({
          _tag: 'AirbyteNotFound',
          detail: `PUT /sources/${SOURCE_ID} not found (404): no such source`,
        }),
      );
    });
  });

  describe('deleteActor', () => {
    it('deletes a source (204)', async () => {
      const { gateway } = harness();
      airbyte().delete(`${PREFIX}/sources/${SOURCE_ID}`).reply(204);
      expect(await run(gateway.deleteActor('source', SOURCE_ID))).to.deep.equal(E.right(undefined));
    });

    it('treats deleting an absent destination as success', async () => {
      const { gateway } = harness();
      airbyte().delete(`${PREFIX}/destinations/${DEST_ID}`).reply(404, { detail: 'gone' });
      expect(await run(gateway.deleteActor('destination', DEST_ID))).to.deep.equal(E.right(undefined));
    });

    it('reports a refused delete', async () => {
      const { gateway } = harness();
      airbyte().delete(`${PREFIX}/sources/${SOURCE_ID}`).reply(409, { detail: 'in use' });
      expect(await run(gateway.deleteActor('source', SOURCE_ID))).to.deep.equal(
        E.left({
          _tag: 'AirbyteConflict',
          detail: `DELETE /sources/${SOURCE_ID} conflicts with the state of Airbyte (409): in use`,
        }),
      );
    });
  });
});

describe('AirbytePublicApiGateway paging and addressing', () => {
  setUpNock();

  it('stops with a bad answer when Airbyte ignores offset and repeats a full page', async () => {
    const { gateway } = harness({ pageSize: 1 });
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery(0, 1))
      .reply(200, { data: [sourceResponse()] });
    airbyte()
      .get(`${PREFIX}/sources`)
      .query(listQuery(1, 1))
      .reply(200, { data: [sourceResponse()] });
    expect(await run(gateway.findActorsByName('source', 'orders-file'))).to.deep.equal(
      E.left({
        _tag: 'AirbyteBadResponse',
        detail: 'GET /sources: offset 1 answered the same page again; Airbyte ignores offset',
      }),
    );
  });

  it('never asks for more than the spec allows per page', async () => {
    const { gateway } = harness({ pageSize: 500 });
    airbyte().get(`${PREFIX}/sources`).query(listQuery(0, 100)).reply(200, { data: [] });
    expect(await run(gateway.findActorsByName('source', 'x'))).to.deep.equal(E.right([]));
  });

  it('accepts a base URL with a trailing slash, such as Airbyte Cloud', async () => {
    const { gateway } = harness({ baseUrl: 'https://api.airbyte.test/v1/' });
    nock('https://api.airbyte.test', { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get(`/v1/sources/${SOURCE_ID}`)
      .reply(404, {});
    expect(await run(gateway.findActorById('source', SOURCE_ID))).to.deep.equal(E.right(O.none));
  });
});
