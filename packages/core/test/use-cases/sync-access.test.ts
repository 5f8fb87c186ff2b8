import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { airbyteUnavailable } from '../../src/errors/index.js';
import { InMemoryAclLedger } from '../../src/index.js';
import { FakeAccessGateway, manualClock } from '../../src/testing/index.js';
import { emailOfUserRef, syncAccess } from '../../src/use-cases/sync-access.js';
import { OperationJournal } from '../../src/use-cases/operation-journal.js';

const WS = 'workspace-1';

const setUp = (rbac = true) => {
  const gateway = new FakeAccessGateway({ rbac });
  const ledger = new InMemoryAclLedger();
  const deps = {
    gateway,
    ledger,
    organizationId: 'org-1',
    role: 'workspace_reader' as const,
    workspaceId: WS,
  };
  const run = async (componentId: string, refs: ReadonlyArray<string>) => {
    const journal = new OperationJournal(manualClock(), WS);
    const result = await syncAccess(deps, journal, componentId, refs)();
    return { result, logs: journal.logs.map((l) => l.message) };
  };
  return { gateway, ledger, run };
};

const holders = (gateway: FakeAccessGateway) =>
  gateway.permissions.filter((p) => p.workspaceId === WS).map((p) => `${p.principal.id}:${p.permissionType}`);

describe('updateacl with workspace-role', () => {
  it('reads a user ref as an email: the last _ is the @', () => {
    expect(emailOfUserRef('john.doe_example.com')).to.equal('john.doe@example.com');
    expect(emailOfUserRef('first_last_acme.io')).to.equal('first_last@acme.io');
  });

  it('grants the role to users (case-insensitive email) and an exactly named group, then revokes what is dropped', async () => {
    const { gateway, run } = setUp();
    const john = gateway.addUser('John.Doe@Example.com');
    const analysts = gateway.addGroup('analysts');
    const first = await run('c1', ['user:john.doe_example.com', 'group:analysts']);
    expect(E.isRight(first.result), JSON.stringify(first.result)).to.equal(true);
    expect(holders(gateway)).to.deep.equal([
      `${john.id}:workspace_reader`,
      `${analysts.id}:workspace_reader`,
    ]);

    gateway.writes.length = 0;
    await run('c1', ['user:john.doe_example.com', 'group:analysts']);
    expect(gateway.writes).to.deep.equal([]);

    await run('c1', ['group:analysts']);
    expect(holders(gateway)).to.deep.equal([`${analysts.id}:workspace_reader`]);
  });

  it('resolves every ref first: any unresolved one fails, listing all, and changes nothing', async () => {
    const { gateway, run } = setUp();
    gateway.addUser('john.doe@example.com');
    gateway.addGroup('twins');
    gateway.addGroup('twins');
    const { result } = await run('c1', [
      'user:john.doe_example.com',
      'user:ghost_example.com',
      'group:twins',
      'group:none',
      'bob',
    ]);
    expect(E.isLeft(result) && result.left).to.deep.equal({
      _tag: 'InvalidRequest',
      problems: [
        { path: 'refs', message: 'user:ghost_example.com: no Airbyte user with email ghost@example.com' },
        { path: 'refs', message: 'group:twins: 2 Airbyte groups are named "twins" (group-2, group-3)' },
        { path: 'refs', message: 'group:none: no Airbyte group named "none"' },
        { path: 'refs', message: 'bob: not a user:<name> or group:<name> reference' },
      ],
    });
    expect(gateway.writes).to.deep.equal([]);
  });

  it('keeps a grant another component still needs, and revokes it when the last one drops it', async () => {
    const { gateway, run } = setUp();
    const john = gateway.addUser('john@example.com');
    await run('c1', ['user:john_example.com']);
    await run('c2', ['user:john_example.com']);
    const dropped = await run('c1', []);
    expect(dropped.logs.at(-1)).to.match(/for user:john_example\.com .*: needed by component\(s\) c2$/);
    expect(holders(gateway)).to.deep.equal([`${john.id}:workspace_reader`]);
    await run('c2', []);
    expect(holders(gateway)).to.deep.equal([]);
  });

  it('never revokes what it did not make; forgets a permission changed by hand instead of deleting it', async () => {
    const { gateway, run } = setUp();
    const ann = gateway.addUser('ann@example.com');
    const bob = gateway.addUser('bob@example.com');
    gateway.addPermission(
      { kind: 'user', id: ann.id },
      { permissionType: 'workspace_editor', workspaceId: WS },
    );
    const first = await run('c1', ['user:ann_example.com', 'user:bob_example.com']);
    expect(first.logs[0]).to.match(
      /holds workspace_editor on the workspace, given outside this provisioner: left as it is/,
    );
    const bobs = gateway.permissions.find((p) => p.principal.id === bob.id);
    gateway.setType(bobs?.id ?? '', 'workspace_admin');
    const dropped = await run('c1', []);
    expect(
      dropped.logs.some((l) =>
        /changed outside this provisioner \(now workspace_admin\); forgotten, not revoked/.test(l),
      ),
    ).to.equal(true);
    expect(holders(gateway)).to.deep.equal([`${ann.id}:workspace_editor`, `${bob.id}:workspace_admin`]);
    gateway.writes.length = 0;
    await run('c1', []);
    expect(gateway.writes).to.deep.equal([]);
  });

  it('notes an organization role that covers the workspace role and grants nothing', async () => {
    const { gateway, run } = setUp();
    const boss = gateway.addUser('boss@example.com');
    gateway.addPermission(
      { kind: 'user', id: boss.id },
      { permissionType: 'organization_admin', organizationId: 'org-1' },
    );
    const { logs } = await run('c1', ['user:boss_example.com']);
    expect(logs).to.deep.equal([
      `user:boss_example.com (user ${boss.id}) holds organization_admin on the organization, which covers workspace_reader: left alone`,
    ]);
    expect(gateway.writes).to.deep.equal([]);
  });

  it('a revoke that fails keeps the entry: the next update revokes it (before, the entry went first and the grant stayed for ever)', async () => {
    const { gateway, ledger, run } = setUp();
    const john = gateway.addUser('john@example.com');
    await run('c1', ['user:john_example.com']);
    const revoke = gateway.revoke;
    Object.assign(gateway, { revoke: () => TE.left(airbyteUnavailable('503 Service Unavailable')) });
    const failed = await run('c1', []);
    expect(E.isLeft(failed.result) && failed.result.left._tag).to.equal('AirbyteFailure');
    expect(holders(gateway)).to.deep.equal([`${john.id}:workspace_reader`]);
    const kept = await ledger.grantsOf('c1')();
    expect(E.isRight(kept) && kept.right.length).to.equal(1);
    Object.assign(gateway, { revoke });
    const done = await run('c1', []);
    expect(E.isRight(done.result), JSON.stringify(done.result)).to.equal(true);
    expect(holders(gateway)).to.deep.equal([]);
    expect(await ledger.grantsOf('c1')()).to.deep.equal(E.right([]));
  });

  it('an edition without RBAC (404) is a failure that says so, never a silent success', async () => {
    const { run } = setUp(false);
    const { result } = await run('c1', ['user:john_example.com']);
    expect(E.isLeft(result) && result.left._tag).to.equal('Unsupported');
    expect(E.isLeft(result) && result.left._tag === 'Unsupported' && result.left.message).to.match(
      /has no role-based access \(it answered 404/,
    );
  });
});
