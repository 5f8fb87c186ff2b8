import { expect } from 'chai';
import { startEmbedded } from './embedded-sandbox.js';
import {
  call,
  fetchToken,
  fileSourceBody,
  openSession,
  snowflakeBody,
  type Connection,
  type Destination,
  micronautMessages,
  type MicronautError,
  type Page,
  type Problem,
  type Session,
  type Source,
} from './sandbox-client.js';

const FILE_DEFINITION = '778daa7c-feaf-4db6-96f3-70fd645acc77';
const SNOWFLAKE_DEFINITION = '424892c4-daac-4491-b35d-c6688ba547ba';
const MASK = '**********';

describe('sandbox: sources and destinations', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(() => session.sandbox.close());

  const ws = () => session.sandbox.workspaceId;

  describe('create', () => {
    it('answers 200 with the source, its real File definition id and createdAt in epoch seconds', async () => {
      const before = Math.floor(Date.now() / 1000);
      const answer = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      expect(answer.status).to.equal(200);
      expect(answer.body).to.include({
        name: 'orders-file',
        sourceType: 'file',
        definitionId: FILE_DEFINITION,
        workspaceId: ws(),
      });
      expect(answer.body.sourceId).to.match(/^[0-9a-f-]{36}$/);
      expect(answer.body.createdAt).to.be.within(before, Math.floor(Date.now() / 1000));
      expect(answer.body.configuration.dataset_name).to.equal('orders');
      // Airbyte keeps the type at the top level only: the configuration comes back without it
      expect(answer.body.configuration).to.not.have.property('sourceType');
      const read = await session.api<Source>('GET', `/sources/${answer.body.sourceId}`);
      expect(read.body.configuration).to.not.have.property('sourceType');
    });

    it('picks the connector from definitionId alone', async () => {
      const body = snowflakeBody(ws());
      const { destinationType: _, ...configuration } = body.configuration;
      const answer = await session.api<Destination>('POST', '/destinations', {
        ...body,
        configuration,
        definitionId: SNOWFLAKE_DEFINITION,
      });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.include({ destinationType: 'snowflake', definitionId: SNOWFLAKE_DEFINITION });
    });

    it('answers 422 unprocessable-entity, with no message, when neither definitionId nor the type is given', async () => {
      const body = fileSourceBody(ws());
      const { sourceType: _, ...configuration } = body.configuration;
      const answer = await session.api<Problem>('POST', '/sources', { ...body, configuration });
      expect(answer.status).to.equal(422);
      expect(answer.headers.get('content-type')).to.equal('application/json');
      expect(answer.body).to.deep.equal({
        status: 422,
        type: 'https://reference.airbyte.com/reference/errors#unprocessable-entity',
        title: 'unprocessable-entity',
        detail: 'The body of the request was not understood',
      });
      expect(session.sandbox.snapshot().sources).to.have.length(0);
    });

    it('answers an unknown connector type with value-not-found (400) and an unknown definition with 404; definitionId wins over the type', async () => {
      const body = fileSourceBody(ws());
      const unknownType = await session.api<Problem>('POST', '/sources', {
        ...body,
        configuration: { ...body.configuration, sourceType: 'nope' },
      });
      expect(unknownType.status).to.equal(400);
      expect(unknownType.body).to.include({ title: 'value-not-found' });
      expect(unknownType.body.data).to.deep.equal({ value: 'nope' });
      const unknownDefinition = await session.api<Problem>('POST', '/sources', {
        ...body,
        definitionId: '00000000-0000-0000-0000-000000000000',
      });
      expect(unknownDefinition.status).to.equal(404);
      expect(unknownDefinition.body.data).to.deep.equal({
        resourceType: 'source_definition',
        resourceId: '00000000-0000-0000-0000-000000000000',
      });
      expect(session.sandbox.snapshot().sources).to.have.length(0);
      // SourcesController takes definitionId when it is given, whatever sourceType says
      const postgres = await session.api<Source>('POST', '/sources', {
        ...body,
        definitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
        configuration: { sourceType: 'file', host: 'db', port: 5432, database: 'd', username: 'u' },
      });
      expect(postgres.status).to.equal(200);
      expect(postgres.body.sourceType).to.equal('postgres');
    });

    it('answers 400 naming every missing required field, a wrong field type, or a body that is not JSON', async () => {
      const missing = await session.api<MicronautError>('POST', '/sources', { name: 'x' });
      expect(missing.status).to.equal(400);
      expect(micronautMessages(missing.body)).to.contain('workspaceId').and.to.contain('configuration');
      expect(
        (await session.api<Source>('POST', '/sources', { ...fileSourceBody(ws()), name: 42 })).status,
      ).to.equal(400);
      expect(
        (await session.api<Source>('POST', '/sources', { ...fileSourceBody(ws()), configuration: 'x' }))
          .status,
      ).to.equal(400);
      expect((await session.api<Destination>('POST', '/destinations', [])).status).to.equal(400);
      expect(
        (await session.api<Source>('POST', '/sources', undefined, { rawBody: '{"name":' })).status,
      ).to.equal(400);
    });

    it("answers 422 with the validator's message in data.message when the connector's spec lacks a required property", async () => {
      const body = fileSourceBody(ws());
      const { dataset_name: _, ...configuration } = body.configuration;
      const answer = await session.api<Problem>('POST', '/sources', { ...body, configuration });
      expect(answer.status).to.equal(422);
      expect(answer.body).to.include({
        type: 'https://reference.airbyte.com/reference/errors#unprocessable-entity',
        title: 'unprocessable-entity',
        detail: 'The body of the request was not understood',
      });
      expect(answer.body.data?.message).to.equal(
        "json schema validation failed when comparing the data to the json schema. \nErrors: $: required property 'dataset_name' not found ",
      );
      expect(session.sandbox.snapshot().sources).to.have.length(0);
    });

    it('answers 404 for an unknown workspace and 403 for a workspace the credentials cannot reach', async () => {
      const other = session.sandbox.addWorkspace();
      expect(
        (
          await session.api<Source>(
            'POST',
            '/sources',
            fileSourceBody('00000000-0000-0000-0000-000000000001'),
          )
        ).status,
      ).to.equal(404);
      expect(
        (await session.api<Source>('POST', '/sources', fileSourceBody(other.workspaceId))).status,
      ).to.equal(403);
    });

    it('allows two resources with the same name', async () => {
      const first = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const second = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      expect(second.status).to.equal(200);
      expect(second.body.sourceId).to.not.equal(first.body.sourceId);
      expect(session.sandbox.snapshot().sources.map((s) => s['name'])).to.deep.equal([
        'orders-file',
        'orders-file',
      ]);
    });
  });

  describe('secrets', () => {
    it('masks Snowflake credentials on create, get, list and snapshot', async () => {
      const created = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      expect(created.body.configuration.credentials).to.deep.equal({
        auth_type: 'Username and Password',
        password: MASK,
      });
      const got = await session.api<Destination>('GET', `/destinations/${created.body.destinationId}`);
      expect(got.body.configuration).to.have.nested.property('credentials.password', MASK);
      const listed = await session.api<Page<Destination>>('GET', '/destinations');
      expect(listed.body.data[0]?.configuration).to.have.nested.property('credentials.password', MASK);
      expect(JSON.stringify(session.sandbox.snapshot())).to.not.contain('hunter2');
      expect(JSON.stringify(got.body)).to.not.contain('hunter2');
    });

    it('masks key-pair secrets and File provider secrets, and keys named like secrets, leaving the rest', async () => {
      const keyPair = snowflakeBody(ws());
      const destination = await session.api<Destination>('POST', '/destinations', {
        ...keyPair,
        configuration: {
          ...keyPair.configuration,
          credentials: {
            auth_type: 'Key Pair Authentication',
            private_key: 'PEM',
            private_key_password: 'pk-pass',
          },
        },
      });
      expect(destination.body.configuration.credentials).to.deep.equal({
        auth_type: 'Key Pair Authentication',
        private_key: MASK,
        private_key_password: MASK,
      });
      const file = fileSourceBody(ws());
      const source = await session.api<Source>('POST', '/sources', {
        ...file,
        configuration: {
          ...file.configuration,
          provider: { storage: 'S3', aws_access_key_id: 'AKIA', aws_secret_access_key: 'shh' },
          reader_options: '{}',
          some_api_token: 'tok',
        },
      });
      expect(source.body.configuration.provider).to.deep.equal({
        storage: 'S3',
        aws_access_key_id: MASK,
        aws_secret_access_key: MASK,
      });
      expect(source.body.configuration).to.include({
        some_api_token: MASK,
        reader_options: '{}',
        url: 'https://example.com/orders.csv',
      });
    });
  });

  describe('update', () => {
    it('PUT overwrites the whole resource and keeps a secret sent back masked', async () => {
      const harness = await startEmbedded();
      try {
        const created = await harness.api<Destination>(
          'POST',
          '/destinations',
          snowflakeBody(harness.workspaceId),
        );
        const id = created.body.destinationId;
        const read = await harness.api<Destination>('GET', `/destinations/${id}`);
        const { warehouse: _, ...configuration } = read.body.configuration;
        const put = await harness.api<Destination>('PUT', `/destinations/${id}`, {
          name: 'renamed',
          configuration,
        });
        expect(put.status).to.equal(200);
        expect(put.body.name).to.equal('renamed');
        expect(put.body.configuration).to.not.have.property('warehouse');
        const stored = harness.stored('destination', id);
        expect(stored['credentials']).to.deep.equal({
          auth_type: 'Username and Password',
          password: 'hunter2',
        });
        const changed = await harness.api<Destination>('PUT', `/destinations/${id}`, {
          name: 'renamed',
          configuration: {
            ...configuration,
            destinationType: 'snowflake',
            credentials: { auth_type: 'Username and Password', password: 'new-one' },
          },
        });
        expect(changed.body.configuration).to.not.have.property('destinationType');
        expect(harness.stored('destination', id)).to.not.have.property('destinationType');
        expect(changed.body.configuration).to.have.nested.property('credentials.password', MASK);
        expect(harness.stored('destination', id)['credentials']).to.deep.equal({
          auth_type: 'Username and Password',
          password: 'new-one',
        });
      } finally {
        await harness.close();
      }
    });

    it('PUT answers 400 without name or configuration, 422 when the spec fails, 404 for an unknown id, and ignores a type name', async () => {
      const created = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const id = created.body.sourceId;
      expect((await session.api<Source>('PUT', `/sources/${id}`, { name: 'x' })).status).to.equal(400);
      const { url: _, ...withoutUrl } = created.body.configuration;
      const invalid = await session.api<Problem>('PUT', `/sources/${id}`, {
        name: 'x',
        configuration: withoutUrl,
      });
      expect(invalid.status).to.equal(422);
      expect(invalid.body.data?.message).to.contain("$: required property 'url' not found");
      expect(
        (await session.api<Source>('PUT', '/sources/unknown', { name: 'x', configuration: {} })).status,
      ).to.equal(404);
      expect((await session.api<Source>('GET', `/sources/${id}`)).body.name).to.equal('orders-file');
      // removeSourceTypeNode drops the type name: a source never changes connector
      const typed = await session.api<Source>('PUT', `/sources/${id}`, {
        name: 'x',
        configuration: { ...created.body.configuration, sourceType: 'postgres' },
      });
      expect(typed.status).to.equal(200);
      expect(typed.body.sourceType).to.equal('file');
    });

    it('PATCH changes only what it carries, merging configuration objects; a mask sent back overwrites the secret', async () => {
      const harness = await startEmbedded();
      try {
        const created = await harness.api<Destination>(
          'POST',
          '/destinations',
          snowflakeBody(harness.workspaceId),
        );
        const id = created.body.destinationId;
        const patched = await harness.api<Destination>('PATCH', `/destinations/${id}`, {
          configuration: { schema: 'OTHER' },
        });
        expect(patched.status).to.equal(200);
        expect(patched.body.name).to.equal('warehouse');
        expect(patched.body.configuration).to.include({
          schema: 'OTHER',
          database: 'DB',
          host: 'acme.snowflakecomputing.com',
        });
        expect(harness.stored('destination', id)['credentials']).to.deep.equal({
          auth_type: 'Username and Password',
          password: 'hunter2',
        });
        const renamed = await harness.api<Destination>('PATCH', `/destinations/${id}`, { name: 'renamed' });
        expect(renamed.body).to.include({ name: 'renamed' });
        expect(renamed.body.configuration.schema).to.equal('OTHER');
        // SecretsHelpers.mergeNodesExceptForSecrets replaces a stored secret with whatever is sent
        const masked = await harness.api<Destination>('PATCH', `/destinations/${id}`, {
          configuration: { credentials: { password: MASK } },
        });
        expect(masked.status).to.equal(200);
        expect(harness.stored('destination', id)['credentials']).to.deep.equal({
          auth_type: 'Username and Password',
          password: MASK,
        });
        const invalid = await harness.api<Problem>('PATCH', `/destinations/${id}`, {
          configuration: { database: null },
        });
        expect(invalid.status).to.equal(422);
        expect(invalid.body.data?.message).to.contain("$: required property 'database' not found");
        expect(harness.stored('destination', id)['database']).to.equal('DB');
      } finally {
        await harness.close();
      }
    });

    it('PATCH ignores a workspaceId (the server never moves an actor) and answers 404 for an unknown id', async () => {
      const created = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const other = session.sandbox.addWorkspace();
      const moved = await session.api<Source>('PATCH', `/sources/${created.body.sourceId}`, {
        workspaceId: other.workspaceId,
      });
      expect(moved.status).to.equal(200);
      expect(moved.body.workspaceId).to.equal(ws());
      const unknown = await session.api<Problem>('PATCH', '/sources/unknown', { name: 'x' });
      expect(unknown.status).to.equal(404);
      expect(unknown.body.data).to.deep.equal({ resourceType: 'source', resourceId: 'unknown' });
    });
  });

  describe('delete', () => {
    it('answers 204 without a body; the tombstone still reads by id (200, configuration voided), a second delete is 204', async () => {
      const created = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const id = created.body.sourceId;
      const deleted = await session.api('DELETE', `/sources/${id}`);
      expect(deleted.status).to.equal(204);
      expect(deleted.body).to.equal(undefined);
      const got = await session.api<Source>('GET', `/sources/${id}`);
      expect(got.status).to.equal(200);
      expect(got.body).to.include({ sourceId: id, name: 'orders-file', sourceType: 'file' });
      expect(got.body.configuration).to.deep.equal({});
      expect((await session.api('DELETE', `/sources/${id}`)).status).to.equal(204);
      expect(session.sandbox.snapshot().sources).to.have.length(0);
      const never = await session.api<Problem>('DELETE', '/sources/never-was');
      expect(never.status).to.equal(404);
    });

    it('deletes the connections that use a deleted source or destination', async () => {
      const source = await session.api<Source>('POST', '/sources', fileSourceBody(ws()));
      const destination = await session.api<Destination>('POST', '/destinations', snowflakeBody(ws()));
      const other = await session.api<Destination>(
        'POST',
        '/destinations',
        snowflakeBody(ws(), { name: 'other' }),
      );
      const ids = { sourceId: source.body.sourceId, destinationId: destination.body.destinationId };
      const doomed = await session.api<Connection>('POST', '/connections', ids);
      const kept = await session.api<Connection>('POST', '/connections', {
        ...ids,
        destinationId: other.body.destinationId,
      });
      const statusOf = async (id: string) =>
        (await session.api<Connection>('GET', `/connections/${id}`)).body.status;
      await session.api('DELETE', `/destinations/${ids.destinationId}`);
      expect(await statusOf(doomed.body.connectionId)).to.equal('deprecated');
      expect(await statusOf(kept.body.connectionId)).to.equal('active');
      await session.api('DELETE', `/sources/${ids.sourceId}`);
      expect(await statusOf(kept.body.connectionId)).to.equal('deprecated');
      expect(session.sandbox.snapshot().connections).to.deep.equal([]);
    });
  });

  describe('list', () => {
    const createSources = async (count: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        ids.push(
          (await session.api<Source>('POST', '/sources', fileSourceBody(ws(), { name: `s${i}` }))).body
            .sourceId,
        );
      }
      return ids;
    };

    it('pages with limit/offset, in creation order, with links as PaginationMapper writes them', async () => {
      const ids = await createSources(5);
      const first = await session.api<Page<Source>>('GET', `/sources?workspaceIds=${ws()}&limit=2`);
      expect(first.status).to.equal(200);
      expect(first.body.data.map((s) => s.sourceId)).to.deep.equal(ids.slice(0, 2));
      expect(first.body.previous).to.equal('');
      const next = new URL(first.body.next ?? '');
      expect([...next.searchParams.keys()]).to.deep.equal([
        'includeDeleted',
        'workspaceIds',
        'limit',
        'offset',
      ]);
      expect(next.searchParams.get('offset')).to.equal('2');
      expect(next.searchParams.get('limit')).to.equal('2');
      expect(next.searchParams.get('includeDeleted')).to.equal('false');
      expect(next.searchParams.get('workspaceIds')).to.equal(ws());
      const second = await session.api<Page<Source>>(
        'GET',
        `${next.pathname.replace('/api/public/v1', '')}${next.search}`,
      );
      expect(second.body.data.map((s) => s.sourceId)).to.deep.equal(ids.slice(2, 4));
      expect(new URL(second.body.previous ?? '').searchParams.get('offset')).to.equal('0');
      // the server does not count what follows: a short last page still links on, an empty one does not
      const last = await session.api<Page<Source>>('GET', '/sources?limit=2&offset=4');
      expect(last.body.data).to.have.length(1);
      expect(new URL(last.body.next ?? '').searchParams.get('offset')).to.equal('6');
      const empty = await session.api<Page<Source>>('GET', '/sources?limit=2&offset=6');
      expect(empty.body).to.deep.include({ data: [], next: '' });
      expect(new URL(empty.body.previous ?? '').searchParams.get('offset')).to.equal('4');
    });

    it('defaults to 20 per page and answers 400 to a limit outside 1..100 or a bad offset', async () => {
      await createSources(21);
      expect((await session.api<Page<Source>>('GET', '/sources')).body.data).to.have.length(20);
      for (const query of ['limit=0', 'limit=101', 'limit=x', 'offset=-1', 'includeDeleted=maybe']) {
        expect((await session.api<Page<Source>>('GET', `/sources?${query}`)).status, query).to.equal(400);
      }
    });

    it('lists deleted resources only with includeDeleted=true', async () => {
      const [gone, kept] = await createSources(2);
      await session.api('DELETE', `/sources/${gone}`);
      const live = await session.api<Page<Source>>('GET', '/sources');
      expect(live.body.data.map((s) => s.sourceId)).to.deep.equal([kept]);
      const all = await session.api<Page<Source>>('GET', '/sources?includeDeleted=true');
      expect(all.body.data).to.have.length(2);
    });

    it("never shows another workspace's resources: 404 by id, absent from lists, 403 when asked by filter", async () => {
      const other = session.sandbox.addWorkspace('theirs');
      const theirToken = await fetchToken(session.sandbox, other.credentials);
      const theirs = await call<Destination>(
        session.sandbox,
        'POST',
        '/destinations',
        snowflakeBody(other.workspaceId),
        { token: theirToken },
      );
      expect(theirs.status).to.equal(200);
      const id = theirs.body.destinationId;
      expect((await session.api<Destination>('GET', `/destinations/${id}`)).status).to.equal(404);
      expect((await session.api('DELETE', `/destinations/${id}`)).status).to.equal(404);
      expect((await session.api<Page<Destination>>('GET', '/destinations')).body.data).to.deep.equal([]);
      expect(
        (await session.api<Page<Destination>>('GET', `/destinations?workspaceIds=${other.workspaceId}`))
          .status,
      ).to.equal(403);
      expect((await session.api('GET', `/workspaces/${other.workspaceId}`)).status).to.equal(404);
      const mine = await call<Page<Destination>>(
        session.sandbox,
        'GET',
        `/destinations?workspaceIds=${other.workspaceId}`,
        undefined,
        { token: theirToken },
      );
      expect(mine.body.data).to.have.length(1);
    });
  });
});

describe('sandbox: workspaces', () => {
  it('answers the workspace the credentials reach, and 404 for any other id', async () => {
    const session = await openSession({ workspaceId: '11111111-2222-3333-4444-555555555555' });
    try {
      const answer = await session.api('GET', '/workspaces/11111111-2222-3333-4444-555555555555');
      expect(answer.status).to.equal(200);
      expect(answer.body).to.include({
        workspaceId: '11111111-2222-3333-4444-555555555555',
        dataResidency: 'auto',
      });
      expect(answer.body).to.have.keys(['workspaceId', 'name', 'dataResidency', 'notifications']);
      expect((await session.api('GET', '/workspaces/99999999-2222-3333-4444-555555555555')).status).to.equal(
        404,
      );
    } finally {
      await session.sandbox.close();
    }
  });

  it('lists the workspaces the credentials reach, paged, and answers 403 to a filter naming another', async () => {
    const session = await openSession();
    try {
      const other = session.sandbox.addWorkspace('theirs');
      const listed = await session.api<Page<{ workspaceId: string; name: string }>>('GET', '/workspaces');
      expect(listed.status).to.equal(200);
      expect(listed.body.data.map((w) => w.workspaceId)).to.deep.equal([session.sandbox.workspaceId]);
      expect(listed.body.previous).to.equal('');
      expect(new URL(listed.body.next).pathname).to.equal('/api/public/v1/workspaces');
      const denied = await session.api<Problem>('GET', `/workspaces?workspaceIds=${other.workspaceId}`);
      expect(denied.status).to.equal(403);
      expect(denied.body.title).to.equal('forbidden');
    } finally {
      await session.sandbox.close();
    }
  });
});
