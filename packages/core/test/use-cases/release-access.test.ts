import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { ConnectorProfiles } from '../../src/domain/index.js';
import { airbyteNotFound, airbyteUnauthorized, airbyteUnavailable } from '../../src/errors/index.js';
import { describeError, InMemoryAclLedger } from '../../src/index.js';
import type { AccessGateway } from '../../src/ports/index.js';
import type { ProvisioningRequest } from '../../src/requests/index.js';
import { FakeAccessGateway, makeTestDeps } from '../../src/testing/index.js';
import { makeUseCases } from '../../src/use-cases/index.js';

const profiles: ConnectorProfiles = {
  sources: {},
  destinations: {
    snowflake: {
      enforced: { host: 'acme.snowflakecomputing.com', username: 'AIRBYTE', credentials: { password: 'pw' } },
      defaults: {},
    },
  },
};

const componentId = (key: string) => `urn:dmb:cmp:sales:orders:0:${key}`;

const descriptor = (key: string): string => `
dataProduct:
  id: urn:dmb:dp:sales:orders:0
  name: Orders
  domain: sales
  environment: development
  version: 0.1.0
  components:
    - id: ${componentId(key)}
      name: Orders ${key}
      kind: workload
      specific:
        source:
          name: ${key}-file
          connectionConfiguration:
            url: https://example.com/orders.csv
            format: csv
            dataset_name: orders
            provider:
              storage: HTTPS
              user_agent: false
        destination:
          name: ${key}-snowflake
          connectionConfiguration:
            database: SALES
            schema: ORDERS
        connection:
          name: ${key}-file-to-snowflake
componentIdToProvision: ${componentId(key)}
`;

const request = (key: string): ProvisioningRequest => ({
  descriptorKind: 'COMPONENT_DESCRIPTOR',
  descriptor: descriptor(key),
});

/** A provisioner with access management over a fake organization: u1, u2 and u3 are its users. */
const setUp = (options: { readonly access?: boolean } = {}) => {
  const deps = makeTestDeps({ profiles });
  const organization = new FakeAccessGateway();
  const users = {
    u1: organization.addUser('u1@example.com'),
    u2: organization.addUser('u2@example.com'),
    u3: organization.addUser('u3@example.com'),
  };
  // what the provisioner sees of the organization; a test may swap a call to make Airbyte fail
  const gateway: { current: AccessGateway } = { current: organization };
  const seen: AccessGateway = {
    findUsersByEmail: (o, e) => gateway.current.findUsersByEmail(o, e),
    listGroups: (o) => gateway.current.listGroups(o),
    permissionsOf: (p, o) => gateway.current.permissionsOf(p, o),
    grant: (p, w, r) => gateway.current.grant(p, w, r),
    revoke: (p, id) => gateway.current.revoke(p, id),
  };
  const ledger = new InMemoryAclLedger();
  const withAccess = {
    ...deps,
    ...(options.access === false
      ? {}
      : { access: { gateway: seen, ledger, organizationId: 'org-1', role: 'workspace_reader' as const } }),
  };
  const useCases = makeUseCases(withAccess);
  const grant = async (key: string, refs: ReadonlyArray<string>) => {
    const done = await makeUseCases({
      ...deps,
      access: { gateway: seen, ledger, organizationId: 'org-1', role: 'workspace_reader' },
    }).updateAcl({ refs: [...refs], provisionInfo: { request: descriptor(key) } })();
    expect(E.isRight(done), JSON.stringify(done)).to.equal(true);
  };
  const holders = () =>
    organization.permissions
      .filter((p) => p.workspaceId === deps.workspaceId)
      .map((p) => p.principal.id)
      .sort();
  const messages = (
    r: E.Either<{ logs: ReadonlyArray<{ message: string }> }, { logs: ReadonlyArray<{ message: string }> }>,
  ) => (E.isLeft(r) ? r.left.logs : r.right.logs).map((l) => l.message);
  return { deps, organization, users, gateway, ledger, useCases, grant, holders, messages };
};

describe('unprovision releases the access its component held (workspace-role)', () => {
  it('revokes what no other component needs, keeps what one does (naming it), then revokes it with the last', async () => {
    const { deps, users, ledger, useCases, grant, holders, messages } = setUp();
    await useCases.provision(request('a'))();
    await useCases.provision(request('b'))();
    await grant('a', ['user:u1_example.com', 'user:u2_example.com']);
    await grant('b', ['user:u2_example.com']);
    expect(holders()).to.deep.equal([users.u1.id, users.u2.id]);

    const a = await useCases.unprovision(request('a'))();
    expect(E.isRight(a) && a.right.message).to.equal(
      'Removed Airbyte connection "a-file-to-snowflake" and its resources; its Airbyte access released (1 revoked, 1 kept for other components, 0 forgotten)',
    );
    const logs = messages(a);
    expect(logs.slice(0, 3)).to.deep.equal([
      'Deleted connection "a-file-to-snowflake" (connection-3)',
      'Deleted source "a-file" (source-1)',
      'Deleted destination "a-snowflake" (destination-2)',
    ]);
    expect(logs.slice(3)).to.deep.equal([
      `Revoked workspace_reader on workspace ${deps.workspaceId} from user:u1_example.com (user ${users.u1.id}) (permission permission-4): no other component needs it`,
      `Kept workspace_reader on workspace ${deps.workspaceId} for user:u2_example.com (user ${users.u2.id}): needed by component(s) ${componentId('b')}`,
    ]);
    expect(holders()).to.deep.equal([users.u2.id]);
    expect(await ledger.grantsOf(componentId('a'))()).to.deep.equal(E.right([]));

    const b = await useCases.unprovision(request('b'))();
    expect(E.isRight(b) && b.right.message).to.match(
      /\(1 revoked, 0 kept for other components, 0 forgotten\)$/,
    );
    expect(holders()).to.deep.equal([]);
    expect(await ledger.grantsOf(componentId('b'))()).to.deep.equal(E.right([]));
  });

  it('forgets a permission changed by hand, never touches one made by hand, and says nothing more without grants', async () => {
    const { deps, organization, users, useCases, grant, messages } = setUp();
    const byHand = organization.addPermission(
      { kind: 'user', id: users.u3.id },
      { permissionType: 'workspace_reader', workspaceId: deps.workspaceId },
    );
    await grant('a', ['user:u1_example.com', 'user:u3_example.com']);
    const u1s = organization.permissions.find((p) => p.principal.id === users.u1.id);
    organization.setType(u1s?.id ?? '', 'workspace_admin');
    organization.writes.length = 0;

    const a = await useCases.unprovision(request('a'))();
    expect(E.isRight(a) && a.right.message).to.match(
      /\(0 revoked, 0 kept for other components, 1 forgotten\)$/,
    );
    expect(messages(a).at(-1)).to.equal(
      `user:u1_example.com (user ${users.u1.id}): permission ${u1s?.id ?? ''} was changed outside this provisioner (now workspace_admin); forgotten, not revoked`,
    );
    expect(organization.writes).to.deep.equal([]);
    expect(organization.permissions.map((p) => p.id)).to.include(byHand.id);

    const again = await useCases.unprovision(request('a'))();
    expect(E.isRight(again) && again.right.message).to.equal(
      'Removed Airbyte connection "a-file-to-snowflake" and its resources',
    );
  });

  it('with AIRBYTE_ACL_MODE=off leaves access and the ledger as they are', async () => {
    const { organization, ledger, useCases, grant, holders, users } = setUp({ access: false });
    await grant('a', ['user:u1_example.com']);
    organization.writes.length = 0;
    const a = await useCases.unprovision(request('a'))();
    expect(E.isRight(a) && a.right.message).to.equal(
      'Removed Airbyte connection "a-file-to-snowflake" and its resources',
    );
    expect(organization.writes).to.deep.equal([]);
    expect(holders()).to.deep.equal([users.u1.id]);
    const kept = await ledger.grantsOf(componentId('a'))();
    expect(E.isRight(kept) && kept.right.map((g) => g.ref)).to.deep.equal(['user:u1_example.com']);
  });

  for (const [answer, error] of [
    [404, airbyteNotFound('Not Found')],
    [403, airbyteUnauthorized(403, 'Forbidden')],
  ] as const) {
    it(`an Airbyte without permissions (${answer}) fails saying the pipeline is gone and what to do; once back, a re-send converges`, async () => {
      const { deps, organization, users, gateway, ledger, useCases, grant, holders, messages } = setUp();
      await useCases.provision(request('a'))();
      await grant('a', ['user:u1_example.com']);
      gateway.current = { ...organization, permissionsOf: () => TE.left(error) };

      const failed = await useCases.unprovision(request('a'))();
      if (E.isRight(failed)) throw new Error('expected a failure');
      expect(failed.left.error._tag).to.equal('AccessNotReleased');
      expect(describeError(failed.left.error)).to.equal(
        `The Airbyte pipeline was removed, but the access its component gave could not be released: Airbyte has no role-based access here (it answered ${answer} to "read the permissions of user:u1_example.com (user ${users.u1.id})"), so the access recorded for component ${componentId('a')} can be neither checked nor revoked. Give the provisioner's Airbyte application back the right to manage permissions (an edition with RBAC, organization_admin), or set AIRBYTE_ACL_MODE=off to leave access alone`,
      );
      const logs = messages(failed);
      expect(logs[0]).to.equal('Deleted connection "a-file-to-snowflake" (connection-3)');
      expect(logs.at(-2)).to.equal(
        `Still recorded for this component, released by the next unprovision: user:u1_example.com (user ${users.u1.id}) workspace_reader on workspace ${deps.workspaceId} (permission permission-4)`,
      );
      expect(deps.gateway.listConnections()).to.deep.equal([]);
      expect(holders()).to.deep.equal([users.u1.id]);

      gateway.current = organization;
      const again = await useCases.unprovision(request('a'))();
      expect(E.isRight(again) && again.right.message).to.match(/\(1 revoked, 0 kept/);
      expect(holders()).to.deep.equal([]);
      expect(await ledger.grantsOf(componentId('a'))()).to.deep.equal(E.right([]));
    });
  }

  it('Airbyte failing half-way (5xx on a revoke) keeps what is left for the re-send, which revokes nothing twice', async () => {
    const { organization, users, gateway, useCases, grant, holders } = setUp();
    await grant('a', ['user:u1_example.com', 'user:u2_example.com']);
    gateway.current = {
      ...organization,
      revoke: (p, id) =>
        p.id === users.u2.id
          ? TE.left(airbyteUnavailable('503 Service Unavailable'))
          : organization.revoke(p, id),
    };
    const failed = await useCases.unprovision(request('a'))();
    if (E.isRight(failed)) throw new Error('expected a failure');
    expect(describeError(failed.left.error)).to.match(
      /^The Airbyte pipeline was removed, but the access its component gave could not be released: revoke workspace_reader from user:u2_example.com .* failed: Airbyte unavailable/,
    );
    expect(holders()).to.deep.equal([users.u2.id]);

    gateway.current = organization;
    organization.writes.length = 0;
    const again = await useCases.unprovision(request('a'))();
    expect(E.isRight(again) && again.right.message).to.match(/\(1 revoked, 0 kept/);
    expect(organization.writes).to.deep.equal([`revoke permission-5 ${users.u2.id}`]);
    expect(holders()).to.deep.equal([]);
  });

  it('a concurrent updateacl of another component waits for the release: the grant it needs is not lost', async () => {
    const { organization, users, gateway, useCases, grant, holders, ledger } = setUp();
    await grant('a', ['user:u2_example.com']);
    let reached: () => void = () => undefined;
    const atGate = new Promise<void>((done) => (reached = done));
    let open: () => void = () => undefined;
    const gate = new Promise<void>((done) => (open = done));
    gateway.current = {
      ...organization,
      permissionsOf: (p, o) => async () => {
        reached();
        await gate;
        return (organization as AccessGateway).permissionsOf(p, o)();
      },
    };
    const unprovisionA = useCases.unprovision(request('a'))();
    await atGate;
    // from here on, only the unprovision is held at the gate
    gateway.current = organization;
    const updateB = grant('b', ['user:u2_example.com']);
    // every step of the fakes is a microtask: once they have run, the update has done all it could
    await new Promise((done) => setImmediate(done));
    // and it has entered nothing: it waits for the lock of the workspace's access
    expect(await ledger.grantsOf(componentId('b'))()).to.deep.equal(E.right([]));
    open();
    const [a] = await Promise.all([unprovisionA, updateB]);
    expect(E.isRight(a) && a.right.message).to.match(/\(1 revoked, 0 kept/);
    expect(holders()).to.deep.equal([users.u2.id]);
    const b = await ledger.grantsOf(componentId('b'))();
    expect(E.isRight(b) && b.right.map((g) => g.made)).to.deep.equal([true]);
  });
});
