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
    it('answers 200 with Airbyte\'s defaults (name "<source> <> <destination>") and every discovered stream', async () => {
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
        name: 'src <> dst',
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

    it('stores a cron in UTC and reads it back with " UTC", as ConnectionReadMapper answers it', async () => {
      const plain = await createPipeline(session, {
        schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ?' },
      });
      const suffixed = await createPipeline(session, {
        schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ? UTC' },
      });
      const everyMinute = await createPipeline(session, {
        schedule: { scheduleType: 'cron', cronExpression: '0 * * * * ?' },
      });
      const read = async (id: string) =>
        (await session.api<Connection>('GET', `/connections/${id}`)).body.schedule;
      for (const { connectionId } of [plain, suffixed]) {
        expect(await read(connectionId)).to.deep.equal({
          scheduleType: 'cron',
          cronExpression: '0 0 12 * * ? UTC',
        });
      }
      // the server's own check only looks at the seconds (and, with a year, the minutes)
      expect((await read(everyMinute.connectionId)).cronExpression).to.equal('0 * * * * ? UTC');
    });

    it('answers 400 bad-request to another time zone, a too frequent cron, or a cron without expression', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      const ids = { sourceId: source.body.sourceId, destinationId: destination.body.destinationId };
      const cases: ReadonlyArray<readonly [string | undefined, string]> = [
        [
          '0 0 9 ? * MON-FRI Europe/Rome',
          'The cron expression 0 0 9 ? * MON-FRI Europe/Rome is not valid. Error:',
        ],
        ['* * * * * ?', 'is not valid or is less than the one hour minimum'],
        ['*/5 0 12 * * ?', 'is not valid or is less than the one hour minimum'],
        ['0 * 12 * * ? 2030', 'is not valid or is less than the one hour minimum'],
        ['0 12 * * *', 'is not valid. Error:'],
        [undefined, 'Missing cron expression in the schedule.'],
      ];
      for (const [cronExpression, message] of cases) {
        const answer = await session.api<Problem>('POST', '/connections', {
          ...ids,
          schedule: { scheduleType: 'cron', ...(cronExpression === undefined ? {} : { cronExpression }) },
        });
        expect(answer.status, cronExpression).to.equal(400);
        expect(answer.body).to.include({
          type: 'https://reference.airbyte.com/reference/errors#bad-request',
          title: 'bad-request',
        });
        expect(answer.body.data?.message, cronExpression).to.contain(message);
      }
      const patched = await createPipeline(session);
      const refused = await session.api<Problem>('PATCH', `/connections/${patched.connectionId}`, {
        schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ? America/New_York' },
      });
      expect(refused.status).to.equal(400);
      expect(
        (await session.api<Connection>('GET', `/connections/${patched.connectionId}`)).body.schedule,
      ).to.deep.equal({ scheduleType: 'manual' });
      expect(session.sandbox.snapshot().connections).to.have.length(1);
    });

    it('answers 400 to a value that does not bind to the request model (a Micronaut error, not a problem)', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      const ids = { sourceId: source.body.sourceId, destinationId: destination.body.destinationId };
      const bad = [
        { schedule: { scheduleType: 'cron', cronExpression: 7 } },
        { schedule: { scheduleType: 'basic' } },
        { status: 'paused' },
        { namespaceDefinition: 'customformat' },
        { nonBreakingSchemaUpdatesBehavior: 'disable' },
        { name: 7 },
      ];
      for (const fields of bad) {
        const answer = await session.api<{ message: string }>('POST', '/connections', { ...ids, ...fields });
        expect(answer.status, JSON.stringify(fields)).to.equal(400);
        expect(answer.body.message).to.equal('Bad Request');
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

    it('checks streams as AirbyteCatalogHelper does: names, duplicates, modes of source and destination, cursor, key', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      const ids = { sourceId: source.body.sourceId, destinationId: destination.body.destinationId };
      session.sandbox.setCatalog(source.body.sourceId, [
        {
          name: 'events',
          syncModes: ['incremental_append'],
          sourceDefinedCursor: false,
          propertyFields: [['id'], ['ts'], ['kind']],
        },
        {
          name: 'users',
          syncModes: ['full_refresh_overwrite', 'incremental_append'],
          defaultCursorField: ['updated_at'],
          sourceDefinedPrimaryKey: [['id']],
          propertyFields: [['id'], ['updated_at']],
        },
      ]);
      const streams = (list: unknown[]) => ({ ...ids, configurations: { streams: list } });
      const rejected: ReadonlyArray<readonly [unknown[], string]> = [
        [[{ name: 'orders' }], 'No streams found with name [orders] and namespace [null].'],
        [
          [{ name: 'events' }, { name: 'events' }],
          'Duplicate stream found in configuration for stream name [events] in namespace [null].',
        ],
        // Snowflake has no update mode
        [
          [{ name: 'events', syncMode: 'incremental_update', primaryKey: [['id']] }],
          'Cannot set sync mode to incremental_update for stream events. Valid sync modes are: [incremental_append, incremental_deduped_history]',
        ],
        [
          [{ name: 'events', syncMode: 'incremental_append' }],
          'No default cursor field for stream: events. Please include a cursor field configuration for this stream.',
        ],
        [
          [{ name: 'events', syncMode: 'incremental_append', cursorField: ['nope'] }],
          'Invalid cursor field for stream: events. The list of valid cursor fields include: [[id], [ts], [kind]].',
        ],
        [
          [{ name: 'events', syncMode: 'incremental_deduped_history', cursorField: ['ts'] }],
          'No default primary key for stream: events.',
        ],
        [
          [
            {
              name: 'events',
              syncMode: 'incremental_deduped_history',
              cursorField: ['ts'],
              primaryKey: [['nope']],
            },
          ],
          'Invalid primary key for stream: events.',
        ],
        [
          [{ name: 'users', syncMode: 'incremental_append', cursorField: ['id'] }],
          'Cursor Field [id] is already defined by source for stream: users.',
        ],
        [
          [{ name: 'users', syncMode: 'incremental_deduped_history', primaryKey: [['updated_at']] }],
          'Primary key for stream: users is already pre-defined. Please remove the primaryKey or provide the value as [[id]].',
        ],
      ];
      for (const [list, message] of rejected) {
        const answer = await session.api<Problem>('POST', '/connections', streams(list));
        expect(answer.status, JSON.stringify(list)).to.equal(400);
        expect(answer.body.title).to.equal('bad-request');
        expect(answer.body.data?.message, JSON.stringify(list)).to.contain(message);
      }
      for (const body of [
        streams([{ syncMode: 'full_refresh_overwrite' }]),
        streams([{ name: 'events', syncMode: 'sideways' }]),
      ]) {
        expect((await session.api('POST', '/connections', body)).status, JSON.stringify(body)).to.equal(400);
      }
      expect(session.sandbox.snapshot().connections).to.deep.equal([]);
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
          // the source's own cursor and key are used, whatever is left out
          { name: 'users', syncMode: 'incremental_deduped_history' },
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
        {
          name: 'users',
          syncMode: 'incremental_deduped_history',
          cursorField: ['updated_at'],
          primaryKey: [['id']],
        },
      ]);
      // full_refresh_overwrite is never checked against the stream's modes, as the server skips it
      const overwrite = await session.api<Connection>(
        'POST',
        '/connections',
        streams([{ name: 'events', syncMode: 'full_refresh_overwrite' }]),
      );
      expect(overwrite.status).to.equal(200);
    });

    it('configures every stream as full_refresh_overwrite for streams: [] on create', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      session.sandbox.setCatalog(source.body.sourceId, [
        { name: 'a', syncModes: ['incremental_append'], defaultCursorField: ['ts'] },
        { name: 'b', syncModes: ['full_refresh_append'], sourceDefinedPrimaryKey: [['id']] },
      ]);
      const created = await session.api<Connection>('POST', '/connections', {
        sourceId: source.body.sourceId,
        destinationId: destination.body.destinationId,
        configurations: { streams: [] },
      });
      expect(created.status).to.equal(200);
      expect(created.body.configurations.streams).to.deep.equal([
        { name: 'a', syncMode: 'full_refresh_overwrite', cursorField: ['ts'], primaryKey: [] },
        { name: 'b', syncMode: 'full_refresh_overwrite', cursorField: [], primaryKey: [['id']] },
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
        expect(answer.body.data?.message).to.contain('same workspace');
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

    it('ignores a sourceId or destinationId (ConnectionPatchRequest has none), changes nothing on streams: [], and nothing on a refusal', async () => {
      const { connectionId } = await createPipeline(session);
      const before = (await session.api<Connection>('GET', `/connections/${connectionId}`)).body;
      const otherSource = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const moved = await session.api<Connection>('PATCH', `/connections/${connectionId}`, {
        name: 'renamed',
        sourceId: otherSource.body.sourceId,
      });
      expect(moved.status).to.equal(200);
      expect(moved.body).to.deep.equal({ ...before, name: 'renamed' });
      const empty = await session.api<Connection>('PATCH', `/connections/${connectionId}`, {
        configurations: { streams: [] },
      });
      expect(empty.body.configurations).to.deep.equal(before.configurations);
      const invalid = await session.api('PATCH', `/connections/${connectionId}`, {
        name: 'again',
        configurations: { streams: [{ name: 'missing' }] },
      });
      expect(invalid.status).to.equal(400);
      const after = (await session.api<Connection>('GET', `/connections/${connectionId}`)).body;
      expect(after).to.deep.equal({ ...before, name: 'renamed' });
    });

    it('answers 404 for an unknown connection', async () => {
      expect((await session.api('PATCH', '/connections/unknown', { name: 'x' })).status).to.equal(404);
    });
  });

  describe('get, list, delete', () => {
    it('deletes with 204; the connection still reads by id as deprecated, lists only with includeDeleted, and deletes again', async () => {
      const first = await createPipeline(session);
      const second = await createPipeline(session);
      const deleted = await session.api('DELETE', `/connections/${first.connectionId}`);
      expect(deleted.status).to.equal(204);
      const read = await session.api<Connection>('GET', `/connections/${first.connectionId}`);
      expect(read.status).to.equal(200);
      expect(read.body.status).to.equal('deprecated');
      expect((await session.api('DELETE', `/connections/${first.connectionId}`)).status).to.equal(204);
      const live = await session.api<Page<Connection>>('GET', `/connections?workspaceIds=${ws()}`);
      expect(live.body.data.map((c) => c.connectionId)).to.deep.equal([second.connectionId]);
      const all = await session.api<Page<Connection>>('GET', '/connections?includeDeleted=true');
      expect(all.body.data.map((c) => [c.connectionId, c.status])).to.deep.equal([
        [first.connectionId, 'deprecated'],
        [second.connectionId, 'active'],
      ]);
      expect(new URL(all.body.next).searchParams.get('includeDeleted')).to.equal('true');
      const unknown = await session.api<Problem>('DELETE', '/connections/never-was');
      expect(unknown.status).to.equal(404);
      expect(unknown.body.data).to.deep.equal({ resourceType: 'connection', resourceId: 'never-was' });
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
