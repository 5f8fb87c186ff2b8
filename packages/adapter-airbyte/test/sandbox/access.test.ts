import { expect } from 'chai';
import { openSession, type Session } from './sandbox-client.js';

interface Permission {
  readonly permissionId: string;
  readonly permissionType: string;
  readonly userId?: string;
  readonly scope?: string;
  readonly scopeId?: string;
}

describe('sandbox: users, permissions and groups', () => {
  let session: Session;
  let org: string;
  beforeEach(async () => {
    session = await openSession({ users: ['ann@example.com', 'bob@example.com'], groups: ['analysts'] });
    org = session.sandbox.organizationId;
  });
  afterEach(() => session.sandbox.close());

  it('lists the seeded users of the organization, filtered by emails; organizationId is required', async () => {
    const all = await session.api<{ data: { email: string }[] }>('GET', `/users?organizationId=${org}`);
    expect(all.body.data.map((u) => u.email)).to.deep.equal(['ann@example.com', 'bob@example.com']);
    const one = await session.api<{ data: { email: string }[] }>(
      'GET',
      `/users?organizationId=${org}&emails=bob@example.com`,
    );
    expect(one.body.data.map((u) => u.email)).to.deep.equal(['bob@example.com']);
    expect((await session.api('GET', '/users')).status).to.equal(400);
    expect(
      (await session.api('GET', '/users?organizationId=11111111-1111-1111-1111-111111111111')).status,
    ).to.equal(403);
  });

  it('grants a workspace role, lists it with its scope, deletes it (204, then 404)', async () => {
    const users = await session.api<{ data: { id: string }[] }>('GET', `/users?organizationId=${org}`);
    const userId = users.body.data[0]?.id ?? '';
    const workspaceId = session.sandbox.workspaceId;
    const created = await session.api<Permission>('POST', '/permissions', {
      permissionType: 'workspace_reader',
      userId,
      workspaceId,
    });
    expect(created.status).to.equal(200);
    expect(created.body).to.include({ permissionType: 'workspace_reader', userId, workspaceId });
    const listed = await session.api<{ data: Permission[] }>(
      'GET',
      `/permissions?userId=${userId}&organizationId=${org}`,
    );
    expect(listed.body.data).to.deep.equal([
      {
        permissionId: created.body.permissionId,
        permissionType: 'workspace_reader',
        userId,
        scope: 'workspace',
        scopeId: workspaceId,
      },
    ]);
    expect((await session.api('DELETE', `/permissions/${created.body.permissionId}`)).status).to.equal(204);
    expect((await session.api('DELETE', `/permissions/${created.body.permissionId}`)).status).to.equal(404);
    const bad = await session.api('POST', '/permissions', {
      permissionType: 'instance_admin',
      userId,
      workspaceId,
    });
    expect(bad.status).to.equal(400);
  });

  it('grants a group a workspace role (201) and revokes it', async () => {
    const groups = await session.api<{ data: { groupId: string; name: string }[] }>(
      'GET',
      `/groups?organizationId=${org}`,
    );
    const groupId = groups.body.data[0]?.groupId ?? '';
    expect(groups.body.data[0]?.name).to.equal('analysts');
    const created = await session.api<Permission>('POST', `/groups/${groupId}/permissions`, {
      permissionType: 'workspace_runner',
      workspaceId: session.sandbox.workspaceId,
    });
    expect(created.status).to.equal(201);
    const listed = await session.api<{ data: Permission[] }>('GET', `/groups/${groupId}/permissions`);
    expect(listed.body.data.map((p) => p.permissionType)).to.deep.equal(['workspace_runner']);
    expect(
      (await session.api('DELETE', `/groups/${groupId}/permissions/${created.body.permissionId}`)).status,
    ).to.equal(204);
  });

  it('answers 404 on every access route without RBAC', async () => {
    const plain = await openSession({ rbac: false, users: ['ann@example.com'] });
    try {
      for (const [method, path] of [
        ['GET', `/users?organizationId=${plain.sandbox.organizationId}`],
        ['GET', '/permissions'],
        ['POST', '/permissions'],
        ['GET', `/groups?organizationId=${plain.sandbox.organizationId}`],
      ] as const) {
        expect((await plain.api(method, path, method === 'POST' ? {} : undefined)).status, path).to.equal(
          404,
        );
      }
    } finally {
      await plain.sandbox.close();
    }
  });
});
