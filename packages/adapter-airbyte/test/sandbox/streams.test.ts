import { expect } from 'chai';
import {
  createPipeline,
  fileSourceBody,
  openSession,
  snowflakeBody,
  type Destination,
  type Problem,
  type Session,
  type Source,
  type StreamProperties,
} from './sandbox-client.js';

const postgresSource = (workspaceId: string) => ({
  name: 'pg',
  workspaceId,
  configuration: {
    sourceType: 'postgres',
    host: 'db',
    port: 5432,
    database: 'app',
    username: 'u',
    password: 'p',
  },
});

describe('sandbox: stream discovery', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(() => session.sandbox.close());

  const ws = () => session.sandbox.workspaceId;

  it('finds one stream named after dataset_name for a File source, with full-refresh modes only, in the server order', async () => {
    const source = await session.api<Source>(
      'POST',
      '/sources',
      fileSourceBody(ws(), {
        configuration: { ...fileSourceBody(ws()).configuration, dataset_name: 'epidemiology' },
      }),
    );
    const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
    const answer = await session.api<StreamProperties[]>(
      'GET',
      `/streams?sourceId=${source.body.sourceId}&destinationId=${destination.body.destinationId}`,
    );
    expect(answer.status).to.equal(200);
    expect(answer.body).to.deep.equal([
      {
        streamName: 'epidemiology',
        syncModes: ['full_refresh_append', 'full_refresh_overwrite'],
        defaultCursorField: [],
        sourceDefinedCursorField: false,
        sourceDefinedPrimaryKey: [],
        propertyFields: [],
      },
    ]);
  });

  it('follows a changed dataset_name', async () => {
    const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
    await session.api('PATCH', `/sources/${source.body.sourceId}`, {
      configuration: { dataset_name: 'renamed' },
    });
    const answer = await session.api<StreamProperties[]>('GET', `/streams?sourceId=${source.body.sourceId}`);
    expect(answer.body.map((s) => s.streamName)).to.deep.equal(['renamed']);
    // StreamsController.getValidSyncModes answers null without a destination to combine with
    expect(answer.body[0]?.syncModes).to.equal(null);
  });

  it('answers a small default catalog for other connectors, with incremental modes and source-defined keys', async () => {
    const source = await session.api<Source>('POST', '/sources', postgresSource(ws()));
    const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
    const answer = await session.api<StreamProperties[]>(
      'GET',
      `/streams?sourceId=${source.body.sourceId}&destinationId=${destination.body.destinationId}`,
    );
    expect(answer.body.map((s) => s.streamName)).to.deep.equal(['users', 'orders']);
    // Snowflake takes overwrite, append and append_dedup: no update, no soft delete, never *_deduped listed
    expect(answer.body[0]?.syncModes).to.deep.equal([
      'full_refresh_append',
      'full_refresh_overwrite',
      'incremental_append',
      'incremental_deduped_history',
    ]);
    expect(answer.body[0]?.sourceDefinedPrimaryKey).to.deep.equal([['id']]);
    expect(answer.body[0]?.sourceDefinedCursorField).to.equal(true);
  });

  it('answers the catalog a test set, per source first, then per connector type', async () => {
    const first = await session.api<Source>('POST', '/sources', postgresSource(ws()));
    const second = await session.api<Source>('POST', '/sources', postgresSource(ws()));
    session.sandbox.setCatalogForType('postgres', [{ name: 'typed', syncModes: ['full_refresh_append'] }]);
    session.sandbox.setCatalog(first.body.sourceId, [
      { name: 'own', syncModes: ['incremental_append'], namespace: 'public', defaultCursorField: ['ts'] },
    ]);
    const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
    const own = await session.api<StreamProperties[]>(
      'GET',
      `/streams?sourceId=${first.body.sourceId}&destinationId=${destination.body.destinationId}`,
    );
    expect(own.body).to.deep.equal([
      {
        streamName: 'own',
        syncModes: ['incremental_append', 'incremental_deduped_history'],
        streamnamespace: 'public',
        defaultCursorField: ['ts'],
        sourceDefinedCursorField: true,
        sourceDefinedPrimaryKey: [],
        propertyFields: [],
      },
    ]);
    const typed = await session.api<StreamProperties[]>('GET', `/streams?sourceId=${second.body.sourceId}`);
    expect(typed.body.map((s) => s.streamName)).to.deep.equal(['typed']);
  });

  it('answers 400 without sourceId and 404 for an unknown source or destination', async () => {
    expect((await session.api('GET', '/streams')).status).to.equal(400);
    expect((await session.api('GET', '/streams?sourceId=unknown')).status).to.equal(404);
    const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
    expect(
      (await session.api('GET', `/streams?sourceId=${source.body.sourceId}&destinationId=unknown`)).status,
    ).to.equal(404);
  });

  it("fails discovery with the server's 500 when a connectorFailure fault says so, and is slow under a delay fault", async () => {
    const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
    session.sandbox.inject({
      match: { method: 'GET', path: '/streams' },
      action: { type: 'connectorFailure', message: 'could not read the file' },
    });
    const failed = await session.api<Problem>('GET', `/streams?sourceId=${source.body.sourceId}`);
    expect(failed.status).to.equal(500);
    expect(failed.body).to.include({ title: 'unexpected-problem' });
    expect(failed.body.data).to.deep.equal({
      message: 'Something went wrong in the connector. logs:could not read the file',
    });
    session.sandbox.inject({
      match: { method: 'GET', path: '/streams' },
      action: { type: 'delay', ms: 5 },
    });
    const slow = await session.api<StreamProperties[]>('GET', `/streams?sourceId=${source.body.sourceId}`);
    expect(slow.status).to.equal(200);
    expect(
      session.sandbox
        .calls()
        .filter((c) => c.path === '/streams')
        .map((c) => c.fault),
    ).to.deep.equal(['connectorFailure', 'delay']);
  });

  it('answers 404 for a deleted source', async () => {
    const { sourceId } = await createPipeline(session);
    await session.api('DELETE', `/sources/${sourceId}`);
    expect((await session.api('GET', `/streams?sourceId=${sourceId}`)).status).to.equal(404);
  });
});
