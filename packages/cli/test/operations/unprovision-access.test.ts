/**
 * What an unprovision does to access with AIRBYTE_ACL_MODE=workspace-role, end to end: the real server over
 * HTTP, the sandbox Airbyte's pipelines and `/users`, `/permissions` behind it.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { descriptorOf, namesOf, requestOf } from '../reliability/descriptors.js';
import {
  airbyteEnv,
  pollStatus,
  send,
  SHORT_TIMEOUT_MS,
  startProvisioner,
  tokenOf,
  untilSandboxSettled,
  type Provisioner,
} from '../reliability/harness.js';

type Logs = ReadonlyArray<{ readonly message: string }>;

const componentOf = (key: string) => `urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload-${key}`;

describe('operations: unprovision releases the access updateacl gave (workspace-role) over HTTP', function () {
  this.timeout(30_000);
  let sandbox: AirbyteSandbox;
  let p: Provisioner;
  let u1: string;
  let u2: string;

  before(async () => {
    sandbox = await startAirbyteSandbox();
    u1 = sandbox.addUser('u1@example.com');
    u2 = sandbox.addUser('u2@example.com');
    p = await startProvisioner({
      // one test holds every revoke past the client's timeout
      ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials, SHORT_TIMEOUT_MS),
      AIRBYTE_ACL_MODE: 'workspace-role',
      AIRBYTE_ORGANIZATION_ID: sandbox.organizationId,
    });
  });
  after(async () => {
    await p.close();
    await sandbox.close();
  });

  const run = async (route: string, body: string) => {
    const accepted = await send(`${p.url}/v1/${route}`, { body });
    expect(accepted.status, accepted.text).to.equal(202);
    return pollStatus(p.url, tokenOf(accepted), 15_000);
  };
  const provision = async (key: string) => {
    const done = await run('provision', requestOf({ key }));
    expect(done.status, done.result).to.equal('COMPLETED');
  };
  const updateAcl = async (key: string, refs: ReadonlyArray<string>) => {
    const done = await run(
      'updateacl',
      JSON.stringify({ refs, provisionInfo: { request: descriptorOf({ key }), result: '' } }),
    );
    expect(done.status, done.result).to.equal('COMPLETED');
  };
  const unprovision = (key: string) => run('unprovision', requestOf({ key }));
  const holders = () =>
    sandbox
      .permissions()
      .filter((g) => g.workspaceId === sandbox.workspaceId)
      .map((g) => g.userId ?? g.groupId ?? '')
      .sort();
  const messagesOf = (body: Record<string, unknown>) => (body['logs'] as Logs).map((l) => l.message);

  it('revokes what only the removed component needed, keeps what another needs, then revokes that with the last', async () => {
    await provision('a');
    await provision('b');
    await updateAcl('a', ['user:u1_example.com', 'user:u2_example.com']);
    await updateAcl('b', ['user:u2_example.com']);
    expect(holders()).to.deep.equal([u1, u2].sort());

    const a = await unprovision('a');
    expect(a.status, a.result).to.equal('COMPLETED');
    expect(a.result).to.match(/; its Airbyte access released \(1 revoked, 1 kept for other components/);
    const logs = messagesOf(a.body);
    expect(
      logs.some((m) =>
        m.startsWith(`Revoked workspace_reader on workspace ${sandbox.workspaceId} from user:u1_example.com`),
      ),
    ).to.equal(true);
    expect(logs).to.include(
      `Kept workspace_reader on workspace ${sandbox.workspaceId} for user:u2_example.com (user ${u2}): needed by component(s) ${componentOf('b')}`,
    );
    expect(holders()).to.deep.equal([u2]);
    expect(sandbox.snapshot().connections.map((c) => c['name'])).to.deep.equal([namesOf('b').connection]);

    const b = await unprovision('b');
    expect(b.status, b.result).to.equal('COMPLETED');
    expect(holders()).to.deep.equal([]);
  });

  it('an Airbyte without permissions is FAILED saying the pipeline is removed and what to do; a re-send converges', async () => {
    await provision('c');
    await updateAcl('c', ['user:u1_example.com']);
    // as an edition without role-based access answers: 404 on every route of permissions
    sandbox.inject({
      match: { path: /^\/permissions/, times: Infinity },
      action: { type: 'status', status: 404, body: { status: 404, title: 'Not Found', detail: 'Not Found' } },
    });
    const failed = await unprovision('c');
    expect(failed.status).to.equal('FAILED');
    expect(failed.result).to.match(
      /^The Airbyte pipeline was removed, but the access its component gave could not be released: Airbyte has no role-based access here \(it answered 404 to "read the permissions of user:u1_example\.com/,
    );
    expect(failed.result).to.include('Send the unprovision again once that is fixed');
    expect(sandbox.snapshot().connections.map((c) => c['name'])).to.not.include(namesOf('c').connection);
    expect(holders()).to.deep.equal([u1]);

    sandbox.clearFaults();
    const again = await unprovision('c');
    expect(again.status, again.result).to.equal('COMPLETED');
    expect(again.result).to.match(/\(1 revoked, 0 kept/);
    expect(messagesOf(again.body)[0]).to.match(/^No connection .* found: nothing to delete$/);
    expect(holders()).to.deep.equal([]);
  });

  it('a revoke whose answer times out (the permission went) is FAILED; the re-send finds it gone and forgets it', async () => {
    await provision('d');
    await updateAcl('d', ['user:u2_example.com']);
    // every attempt's answer comes past the client's timeout, after the revoke is done
    sandbox.inject({
      match: { method: 'DELETE', path: /^\/permissions\//, times: Infinity },
      action: { type: 'delay', ms: 1000 },
      when: 'after',
    });
    const failed = await unprovision('d');
    expect(failed.status).to.equal('FAILED');
    expect(failed.result).to.match(
      /^The Airbyte pipeline was removed, but the access its component gave could not be released: revoke workspace_reader from user:u2_example\.com .* failed: Airbyte unavailable/,
    );
    expect(messagesOf(failed.body)).to.satisfy((logs: ReadonlyArray<string>) =>
      logs.some((m) =>
        m.startsWith(
          'Still recorded for this component, released by the next unprovision: user:u2_example.com',
        ),
      ),
    );
    await untilSandboxSettled(sandbox);
    sandbox.clearFaults();
    expect(holders()).to.deep.equal([]);

    const again = await unprovision('d');
    expect(again.status, again.result).to.equal('COMPLETED');
    expect(again.result).to.match(/\(0 revoked, 0 kept for other components, 1 forgotten\)$/);
    expect(messagesOf(again.body).at(-1)).to.match(
      new RegExp(
        `^user:u2_example\\.com \\(user ${u2}\\) no longer holds permission \\S+: nothing to revoke$`,
      ),
    );
  });
});
