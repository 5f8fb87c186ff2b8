/** The sandbox's workspace routes, over real sockets: create, read, rename, list, delete, as Airbyte answers them. */
import { expect } from 'chai';
import {
  fetchToken,
  fileSourceBody,
  openSession,
  type Problem,
  type Session,
  type Source,
} from './sandbox-client.js';

interface Workspace {
  readonly workspaceId: string;
  readonly name: string;
  readonly dataResidency: string;
}

interface Page<T> {
  readonly data: ReadonlyArray<T>;
  readonly next: string;
  readonly previous: string;
}

describe('sandbox: workspaces', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(async () => {
    await session.sandbox.close();
  });

  const names = async (query = '') =>
    (await session.api<Page<Workspace>>('GET', `/workspaces${query}`)).body.data.map((w) => w.name);

  it('creates a workspace (200, its view), in the organization, that the creator reaches at once', async () => {
    const created = await session.api<Workspace>('POST', '/workspaces', {
      name: 'finance.orders.1',
      organizationId: session.sandbox.organizationId,
    });
    expect(created.status).to.equal(200);
    expect(created.body).to.include({ name: 'finance.orders.1', dataResidency: 'auto' });
    const id = created.body.workspaceId;
    expect((await session.api<Workspace>('GET', `/workspaces/${id}`)).body.name).to.equal('finance.orders.1');
    expect(await names()).to.deep.equal(['Sandbox workspace', 'finance.orders.1']);
    // the same token writes there, and its resources are scoped to it
    const source = await session.api<Source>('POST', '/sources', fileSourceBody(id));
    expect(source.status).to.equal(200);
    const inNew = await session.api<Page<Source>>('GET', `/sources?workspaceIds=${id}`);
    expect(inNew.body.data.map((s) => s.sourceId)).to.deep.equal([source.body.sourceId]);
    const inShared = await session.api<Page<Source>>(
      'GET',
      `/sources?workspaceIds=${session.sandbox.workspaceId}`,
    );
    expect(inShared.body.data).to.deep.equal([]);
    expect(session.sandbox.snapshot().workspaces.map((w) => w.organizationId)).to.deep.equal([
      session.sandbox.organizationId,
      session.sandbox.organizationId,
    ]);
  });

  it('allows two workspaces with the same name, and creates without an organization (the default one)', async () => {
    const first = await session.api<Workspace>('POST', '/workspaces', { name: 'twin' });
    const second = await session.api<Workspace>('POST', '/workspaces', { name: 'twin' });
    expect([first.status, second.status]).to.deep.equal([200, 200]);
    expect(first.body.workspaceId).to.not.equal(second.body.workspaceId);
  });

  it('answers 400 without a name and 403 for another organization, creating nothing', async () => {
    const nameless = await session.api<Problem>('POST', '/workspaces', {
      organizationId: session.sandbox.organizationId,
    });
    expect(nameless.status).to.equal(400);
    const elsewhere = await session.api<Problem>('POST', '/workspaces', {
      name: 'x',
      organizationId: '11111111-1111-4111-8111-111111111111',
    });
    expect(elsewhere.status).to.equal(403);
    expect(session.sandbox.snapshot().workspaces).to.have.length(1);
  });

  it('renames with PATCH, keeping the id', async () => {
    const { workspaceId } = (await session.api<Workspace>('POST', '/workspaces', { name: 'old' })).body;
    const renamed = await session.api<Workspace>('PATCH', `/workspaces/${workspaceId}`, { name: 'new' });
    expect(renamed.status).to.equal(200);
    expect(renamed.body).to.include({ workspaceId, name: 'new' });
    expect((await session.api<Problem>('PATCH', `/workspaces/${workspaceId}`, { name: '' })).status).to.equal(
      400,
    );
  });

  it('deletes with 204; then the workspace answers 404 (resource-not-found naming it), is listed only with includeDeleted, and takes no new resource', async () => {
    const { workspaceId } = (await session.api<Workspace>('POST', '/workspaces', { name: 'gone' })).body;
    expect((await session.api('DELETE', `/workspaces/${workspaceId}`)).status).to.equal(204);
    const read = await session.api<Problem>('GET', `/workspaces/${workspaceId}`);
    expect(read.status).to.equal(404);
    expect(read.body.data).to.include({ resourceType: 'workspace', resourceId: workspaceId });
    expect((await session.api('DELETE', `/workspaces/${workspaceId}`)).status).to.equal(404);
    expect((await session.api('PATCH', `/workspaces/${workspaceId}`, { name: 'x' })).status).to.equal(404);
    expect(await names()).to.deep.equal(['Sandbox workspace']);
    expect(await names('?includeDeleted=true')).to.deep.equal(['Sandbox workspace', 'gone']);
    expect((await session.api('POST', '/sources', fileSourceBody(workspaceId))).status).to.equal(404);
  });

  it("answers 404 for a workspace other credentials created, and leaves it out of the caller's list", async () => {
    const other = session.sandbox.addWorkspace('theirs');
    const otherToken = await fetchToken(session.sandbox, other.credentials);
    const theirs = await session.api<Workspace>(
      'POST',
      '/workspaces',
      { name: 'theirs-too' },
      { token: otherToken },
    );
    expect(theirs.status).to.equal(200);
    expect((await session.api('GET', `/workspaces/${theirs.body.workspaceId}`)).status).to.equal(404);
    expect((await session.api('DELETE', `/workspaces/${theirs.body.workspaceId}`)).status).to.equal(404);
    expect(await names()).to.deep.equal(['Sandbox workspace']);
  });
});
