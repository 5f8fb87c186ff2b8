/**
 * updateacl with AIRBYTE_ACL_MODE=workspace-role, end to end: the real server over HTTP, the sandbox
 * Airbyte's `/users`, `/permissions` and `/groups` behind it; and an edition without them (`rbac: false`).
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { descriptorOf } from '../reliability/descriptors.js';
import {
  airbyteEnv,
  LEGACY,
  pollStatus,
  send,
  startProvisioner,
  tokenOf,
  type Provisioner,
} from '../reliability/harness.js';

type Body = Record<string, unknown>;

const aclEnv = (sandbox: AirbyteSandbox) => ({
  ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
  AIRBYTE_ACL_MODE: 'workspace-role',
  AIRBYTE_ORGANIZATION_ID: sandbox.organizationId,
});

const provisionInfo = (key: string) => ({ request: descriptorOf({ key }), result: '' });

/** The 2.2.0 route: 202 and a token, polled on the provision status route. */
const updateRefs = async (p: Provisioner, key: string, refs: ReadonlyArray<string>) => {
  const accepted = await send(`${p.url}/v1/updateacl`, {
    body: JSON.stringify({ refs, provisionInfo: provisionInfo(key) }),
  });
  expect(accepted.status, accepted.text).to.equal(202);
  return pollStatus(p.url, tokenOf(accepted));
};

describe('operations: updateacl with workspace-role over HTTP', function () {
  this.timeout(30_000);
  let sandbox: AirbyteSandbox;
  let p: Provisioner;
  let john: string;
  let analysts: string;

  before(async () => {
    sandbox = await startAirbyteSandbox({ users: ['John.Doe@Example.com', 'ann@example.com'] });
    john = sandbox.addUser('john.doe@other.org');
    analysts = sandbox.addGroup('analysts');
    p = await startProvisioner(aclEnv(sandbox));
  });
  after(async () => {
    await p.close();
    await sandbox.close();
  });

  const workspaceGrants = () =>
    sandbox
      .permissions()
      .filter((g) => g.workspaceId === sandbox.workspaceId)
      .map((g) => `${g.userId ?? g.groupId ?? ''}:${g.permissionType}`)
      .sort();

  it('legacy route, synchronous: grants the listed users and groups, then the 2.2.0 route revokes what is dropped', async () => {
    const answer = await send(`${p.url}${LEGACY}/updateacl`, {
      body: JSON.stringify({
        acl: { users: ['user:john.doe_other.org'], groups: ['group:analysts'] },
        provisionInfo: provisionInfo('acl'),
      }),
    });
    expect(answer.status, answer.text).to.equal(200);
    expect((answer.json as Body)['status']).to.equal('COMPLETED');
    expect(workspaceGrants()).to.deep.equal(
      [`${analysts}:workspace_reader`, `${john}:workspace_reader`].sort(),
    );

    const dropped = await updateRefs(p, 'acl', ['group:analysts']);
    expect(dropped.status, dropped.result).to.equal('COMPLETED');
    expect(workspaceGrants()).to.deep.equal([`${analysts}:workspace_reader`]);
    const emptied = await updateRefs(p, 'acl', []);
    expect(emptied.status, emptied.result).to.equal('COMPLETED');
    expect(workspaceGrants()).to.deep.equal([]);
  });

  it('matches emails case-insensitively; any unresolved ref is FAILED listing them all, and nothing changes', async () => {
    const before = sandbox.permissions().length;
    const failed = await updateRefs(p, 'unresolved', [
      'user:john.doe_example.com',
      'user:ghost_example.com',
      'group:nobody',
    ]);
    expect(failed.status).to.equal('FAILED');
    expect(failed.result).to.include('user:ghost_example.com: no Airbyte user with email ghost@example.com');
    expect(failed.result).to.include('group:nobody: no Airbyte group named "nobody"');
    expect(sandbox.permissions()).to.have.length(before);
    const granted = await updateRefs(p, 'unresolved', ['user:john.doe_example.com']);
    expect(granted.status, granted.result).to.equal('COMPLETED');
    await updateRefs(p, 'unresolved', []);
  });

  it('a permission changed by hand is forgotten, not deleted; another component keeps a shared grant', async () => {
    await updateRefs(p, 'shared-1', ['user:ann_example.com']);
    await updateRefs(p, 'shared-2', ['user:ann_example.com']);
    await updateRefs(p, 'shared-1', []);
    expect(workspaceGrants()).to.have.length(1);
    const [grant] = sandbox.permissions().filter((g) => g.workspaceId === sandbox.workspaceId);
    sandbox.setPermissionType(grant?.permissionId ?? '', 'workspace_editor');
    const done = await updateRefs(p, 'shared-2', []);
    expect(done.status, done.result).to.equal('COMPLETED');
    expect(JSON.stringify(done.body['logs'])).to.include(
      'changed outside this provisioner (now workspace_editor)',
    );
    expect(workspaceGrants()).to.have.length(1);
  });
});

describe('operations: updateacl against an edition without RBAC', function () {
  this.timeout(20_000);

  it('is FAILED saying the edition has no role-based access, never a silent success', async () => {
    const sandbox = await startAirbyteSandbox({ rbac: false, users: ['john@example.com'] });
    const p = await startProvisioner(aclEnv(sandbox));
    try {
      const failed = await updateRefs(p, 'norbac', ['user:john_example.com']);
      expect(failed.status).to.equal('FAILED');
      expect(failed.result).to.match(/has no role-based access \(it answered 404/);
    } finally {
      await p.close();
      await sandbox.close();
    }
  });

  it('with AIRBYTE_ACL_MODE off (the default) completes saying no access is managed', async () => {
    const sandbox = await startAirbyteSandbox({ users: ['john@example.com'] });
    const p = await startProvisioner(airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials));
    try {
      const done = await updateRefs(p, 'off', ['user:john_example.com']);
      expect(done.status).to.equal('COMPLETED');
      expect(JSON.stringify(done.body['logs'])).to.include('AIRBYTE_ACL_MODE=off');
      expect(sandbox.permissions()).to.deep.equal([]);
    } finally {
      await p.close();
      await sandbox.close();
    }
  });
});
