import { expect } from 'chai';
import {
  fileSourceBody,
  openSession,
  snowflakeBody,
  type Destination,
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

  it('finds one stream named after dataset_name for a File source, with full-refresh modes only', async () => {
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
        syncModes: ['full_refresh_overwrite', 'full_refresh_append'],
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
  });

  it('answers a small default catalog for other connectors, with incremental modes and source-defined keys', async () => {
    const source = await session.api<Source>('POST', '/sources', postgresSource(ws()));
    const answer = await session.api<StreamProperties[]>('GET', `/streams?sourceId=${source.body.sourceId}`);
    expect(answer.body.map((s) => s.streamName)).to.deep.equal(['users', 'orders']);
    expect(answer.body[0]?.syncModes).to.include('incremental_append');
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
    const own = await session.api<StreamProperties[]>('GET', `/streams?sourceId=${first.body.sourceId}`);
    expect(own.body).to.deep.equal([
      {
        streamName: 'own',
        syncModes: ['incremental_append'],
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
});
