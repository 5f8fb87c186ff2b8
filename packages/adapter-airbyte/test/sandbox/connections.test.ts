import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { expect } from 'chai';
import {
  call,
  createPipeline,
  fetchToken,
  fileSourceBody,
  openSession,
  snowflakeBody,
  type Connection,
  type Destination,
  type Page,
  type Problem,
  type Session,
  type Source,
} from './sandbox-client.js';

describe('sandbox: connections', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(() => session.sandbox.close());

  const ws = () => session.sandbox.workspaceId;

  describe('create', () => {
    it("answers 200 with Airbyte's defaults and every discovered stream", async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws(), { name: 'src' }));
      const destination = await session.api<Destination>(
        'POST',
        '/destinations',
        snowflakeBody(ws(), { name: 'dst' }),
      );
      const before = Math.floor(Date.now() / 1000);
      const answer = await session.api<Connection>('POST', '/connections', {
        sourceId: source.body.sourceId,
        destinationId: destination.body.destinationId,
      });
      expect(answer.status).to.equal(200);
      const { connectionId, createdAt, ...rest } = answer.body;
      expect(connectionId).to.match(/^[0-9a-f-]{36}$/);
      expect(createdAt).to.be.within(before, Math.floor(Date.now() / 1000));
      expect(rest).to.deep.equal({
        name: 'src → dst',
        sourceId: source.body.sourceId,
        destinationId: destination.body.destinationId,
        workspaceId: ws(),
        status: 'active',
        schedule: { scheduleType: 'manual' },
        nonBreakingSchemaUpdatesBehavior: 'ignore',
        namespaceDefinition: 'destination',
        prefix: '',
        configurations: {
          streams: [{ name: 'orders', syncMode: 'full_refresh_overwrite', cursorField: [], primaryKey: [] }],
        },
        tags: [],
      });
    });

    it('keeps every field it is given', async () => {
      const { connectionId } = await createPipeline(session, {
        name: 'pipe',
        status: 'inactive',
        namespaceDefinition: 'custom_format',
        namespaceFormat: '${SOURCE_NAMESPACE}_x',
        prefix: 'raw_',
        nonBreakingSchemaUpdatesBehavior: 'propagate_columns',
        schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ?' },
        configurations: { streams: [{ name: 'orders', syncMode: 'full_refresh_append' }] },
      });
      const got = await session.api<Connection>('GET', `/connections/${connectionId}`);
      expect(got.body).to.include({
        name: 'pipe',
        status: 'inactive',
        namespaceDefinition: 'custom_format',
        namespaceFormat: '${SOURCE_NAMESPACE}_x',
        prefix: 'raw_',
        nonBreakingSchemaUpdatesBehavior: 'propagate_columns',
      });
      expect(got.body.configurations.streams.map((s) => s.syncMode)).to.deep.equal(['full_refresh_append']);
    });

    it('appends the time zone to a cron expression (UTC when none is given), as Airbyte answers it', async () => {
      const utc = await createPipeline(session, {
        schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ?' },
      });
      const zoned = await createPipeline(session, {
        schedule: { scheduleType: 'cron', cronExpression: '0 0 9 ? * MON-FRI Europe/Rome' },
      });
      const read = async (id: string) =>
        (await session.api<Connection>('GET', `/connections/${id}`)).body.schedule;
      expect(await read(utc.connectionId)).to.deep.equal({
        scheduleType: 'cron',
        cronExpression: '0 0 12 * * ? UTC',
      });
      expect(await read(zoned.connectionId)).to.deep.equal({
        scheduleType: 'cron',
        cronExpression: '0 0 9 ? * MON-FRI Europe/Rome',
      });
    });

    it('answers 400 to an invalid cron expression, schedule type or enum value', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      const ids = { sourceId: source.body.sourceId, destinationId: destination.body.destinationId };
      const bad = [
        { schedule: { scheduleType: 'cron', cronExpression: '0 12 * * *' } },
        { schedule: { scheduleType: 'cron', cronExpression: 'cron(0 4 * * * ?)' } },
        { schedule: { scheduleType: 'cron' } },
        { schedule: { scheduleType: 'basic' } },
        { status: 'deprecated' },
        { namespaceDefinition: 'customformat' },
        { nonBreakingSchemaUpdatesBehavior: 'disable' },
        { name: 7 },
      ];
      for (const fields of bad) {
        const answer = await session.api<Problem>('POST', '/connections', { ...ids, ...fields });
        expect(answer.status, JSON.stringify(fields)).to.equal(400);
        expect(answer.body.title).to.equal('bad-request');
      }
      expect(session.sandbox.snapshot().connections).to.deep.equal([]);
    });

    it('answers 400 without sourceId or destinationId and 404 for an unknown one', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      expect((await session.api('POST', '/connections', { sourceId: source.body.sourceId })).status).to.equal(
        400,
      );
      expect((await session.api('POST', '/connections', {})).status).to.equal(400);
      const unknown = await session.api('POST', '/connections', {
        sourceId: source.body.sourceId,
        destinationId: '00000000-0000-0000-0000-000000000000',
      });
      expect(unknown.status).to.equal(404);
    });

    it('checks streams against the catalog: unknown names, duplicates, unsupported modes, missing cursor or key', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      const ids = { sourceId: source.body.sourceId, destinationId: destination.body.destinationId };
      session.sandbox.setCatalog(source.body.sourceId, [
        {
          name: 'events',
          syncModes: ['full_refresh_overwrite', 'incremental_append', 'incremental_deduped_history'],
        },
      ]);
      const streams = (list: unknown[]) => ({ ...ids, configurations: { streams: list } });
      const rejected = [
        streams([{ name: 'orders' }]),
        streams([{ name: 'events' }, { name: 'events' }]),
        streams([{ name: 'events', syncMode: 'full_refresh_append' }]),
        streams([{ name: 'events', syncMode: 'sideways' }]),
        streams([{ name: 'events', syncMode: 'incremental_append' }]),
        streams([{ name: 'events', syncMode: 'incremental_deduped_history', cursorField: ['ts'] }]),
        streams([{ syncMode: 'full_refresh_overwrite' }]),
        { ...ids, configurations: { streams: 'events' } },
      ];
      for (const body of rejected) {
        expect((await session.api('POST', '/connections', body)).status, JSON.stringify(body)).to.equal(400);
      }
      const accepted = await session.api<Connection>(
        'POST',
        '/connections',
        streams([
          {
            name: 'events',
            syncMode: 'incremental_deduped_history',
            cursorField: ['ts'],
            primaryKey: [['id']],
          },
        ]),
      );
      expect(accepted.status).to.equal(200);
      expect(accepted.body.configurations.streams).to.deep.equal([
        {
          name: 'events',
          syncMode: 'incremental_deduped_history',
          cursorField: ['ts'],
          primaryKey: [['id']],
        },
      ]);
    });

    it('answers 404 for a destination of a workspace the credentials cannot reach', async () => {
      const other = session.sandbox.addWorkspace();
      const token = await fetchToken(session.sandbox, other.credentials);
      const theirs = await call<Destination>(
        session.sandbox,
        'POST',
        '/destinations',
        snowflakeBody(other.workspaceId),
        {
          token,
        },
      );
      const mine = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const answer = await session.api('POST', '/connections', {
        sourceId: mine.body.sourceId,
        destinationId: theirs.body.destinationId,
      });
      expect(answer.status).to.equal(404);
    });

    it('answers 400 when source and destination are in different workspaces', async () => {
      const admin = await startAirbyteSandbox({ basicAuth: { username: 'airbyte', password: 'password' } });
      try {
        const other = admin.addWorkspace();
        const headers = { authorization: `Basic ${Buffer.from('airbyte:password').toString('base64')}` };
        const source = await call<Source>(admin, 'POST', '/sources', fileSourceBody(admin.workspaceId), {
          headers,
        });
        const destination = await call<Destination>(
          admin,
          'POST',
          '/destinations',
          snowflakeBody(other.workspaceId),
          {
            headers,
          },
        );
        const answer = await call<Problem>(
          admin,
          'POST',
          '/connections',
          { sourceId: source.body.sourceId, destinationId: destination.body.destinationId },
          { headers },
        );
        expect(answer.status).to.equal(400);
        expect(answer.body.detail).to.contain('same workspace');
      } finally {
        await admin.close();
      }
    });
  });

  describe('PATCH', () => {
    it('changes only the fields it carries', async () => {
      const { connectionId } = await createPipeline(session, {
        name: 'pipe',
        prefix: 'raw_',
        schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ?' },
      });
      const before = (await session.api<Connection>('GET', `/connections/${connectionId}`)).body;
      const patched = await session.api<Connection>('PATCH', `/connections/${connectionId}`, {
        status: 'inactive',
      });
      expect(patched.status).to.equal(200);
      expect(patched.body).to.deep.equal({ ...before, status: 'inactive' });
      const renamed = await session.api<Connection>('PATCH', `/connections/${connectionId}`, {
        name: 'renamed',
        schedule: { scheduleType: 'manual' },
      });
      expect(renamed.body).to.deep.equal({
        ...before,
        status: 'inactive',
        name: 'renamed',
        schedule: { scheduleType: 'manual' },
      });
    });

    it('replaces the stream list wholesale', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      session.sandbox.setCatalog(source.body.sourceId, [
        { name: 'a', syncModes: ['full_refresh_overwrite', 'full_refresh_append'] },
        { name: 'b', syncModes: ['full_refresh_overwrite', 'full_refresh_append'] },
      ]);
      const created = await session.api<Connection>('POST', '/connections', {
        sourceId: source.body.sourceId,
        destinationId: destination.body.destinationId,
      });
      expect(created.body.configurations.streams.map((s) => s.name)).to.deep.equal(['a', 'b']);
      const patched = await session.api<Connection>('PATCH', `/connections/${created.body.connectionId}`, {
        configurations: { streams: [{ name: 'b', syncMode: 'full_refresh_append' }] },
      });
      expect(patched.body.configurations.streams).to.deep.equal([
        { name: 'b', syncMode: 'full_refresh_append', cursorField: [], primaryKey: [] },
      ]);
    });

    it('answers 400 to another source or destination, or a bad field, and changes nothing', async () => {
      const { connectionId, sourceId } = await createPipeline(session);
      const before = (await session.api<Connection>('GET', `/connections/${connectionId}`)).body;
      const otherSource = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const moved = await session.api<Problem>('PATCH', `/connections/${connectionId}`, {
        name: 'renamed',
        sourceId: otherSource.body.sourceId,
      });
      expect(moved.status).to.equal(400);
      expect(moved.body.detail).to.contain('sourceId');
      expect(
        (await session.api('PATCH', `/connections/${connectionId}`, { sourceId, name: 'same source' }))
          .status,
      ).to.equal(200);
      const invalid = await session.api('PATCH', `/connections/${connectionId}`, {
        name: 'again',
        configurations: { streams: [{ name: 'missing' }] },
      });
      expect(invalid.status).to.equal(400);
      const after = (await session.api<Connection>('GET', `/connections/${connectionId}`)).body;
      expect(after).to.deep.equal({ ...before, name: 'same source' });
    });

    it('answers 404 for an unknown connection', async () => {
      expect((await session.api('PATCH', '/connections/unknown', { name: 'x' })).status).to.equal(404);
    });
  });

  describe('get, list, delete', () => {
    it('deletes with 204; the connection then answers 404 and lists only with includeDeleted, as deprecated', async () => {
      const first = await createPipeline(session);
      const second = await createPipeline(session);
      const deleted = await session.api('DELETE', `/connections/${first.connectionId}`);
      expect(deleted.status).to.equal(204);
      expect((await session.api('GET', `/connections/${first.connectionId}`)).status).to.equal(404);
      expect((await session.api('DELETE', `/connections/${first.connectionId}`)).status).to.equal(404);
      const live = await session.api<Page<Connection>>('GET', `/connections?workspaceIds=${ws()}`);
      expect(live.body.data.map((c) => c.connectionId)).to.deep.equal([second.connectionId]);
      const all = await session.api<Page<Connection>>('GET', '/connections?includeDeleted=true');
      expect(all.body.data.map((c) => [c.connectionId, c.status])).to.deep.equal([
        [first.connectionId, 'deprecated'],
        [second.connectionId, 'active'],
      ]);
    });

    it('pages connections with next links', async () => {
      for (let i = 0; i < 3; i += 1) await createPipeline(session);
      const page = await session.api<Page<Connection>>('GET', '/connections?limit=2');
      expect(page.body.data).to.have.length(2);
      expect(new URL(page.body.next ?? '').searchParams.get('offset')).to.equal('2');
      expect((await session.api('GET', '/connections?limit=500')).status).to.equal(400);
    });
  });
});
