/**
 * updateacl's ledger with DATABASE_URL: kept in PostgreSQL, so a replica knows the grants another replica
 * made (and keeps one that another component still needs), and after a restart still revokes what it made.
 */
import { expect } from 'chai';
import type { RunningService } from '../../src/server/start-service.js';
import { query, replicaSuite, stopReplicas } from '../support/serve-child.js';
import { descriptorOf, requestOf } from '../reliability/descriptors.js';
import { pollStatus, send, tokenOf } from '../reliability/harness.js';

describe('updateacl and unprovision with the PostgreSQL ledger, over two replicas and a restart', function () {
  this.timeout(60_000);
  const suite = replicaSuite({ AIRBYTE_ACL_MODE: 'workspace-role' }, { users: ['john.doe@example.com'] });
  const sandbox = suite.sandbox;
  const replica = (): Promise<RunningService> =>
    suite.replica({ AIRBYTE_ORGANIZATION_ID: sandbox().organizationId });

  const update = async (service: RunningService, key: string, refs: ReadonlyArray<string>) => {
    const accepted = await send(`${service.url}/v1/updateacl`, {
      body: JSON.stringify({ refs, provisionInfo: { request: descriptorOf({ key }), result: '' } }),
    });
    expect(accepted.status, accepted.text).to.equal(202);
    const done = await pollStatus(service.url, tokenOf(accepted), 15_000);
    expect(done.status, done.result).to.equal('COMPLETED');
    return done;
  };
  const johnHolds = () =>
    sandbox()
      .permissions()
      .filter((p) => p.workspaceId === sandbox().workspaceId)
      .map((p) => p.permissionType);
  const ledgerRows = () =>
    query<Record<string, unknown>>(
      suite.database().url,
      'SELECT component_id, ref, role, made FROM provisioner_acl_grants ORDER BY component_id',
    );

  it('shares the ledger between replicas and keeps it across a restart of both', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await update(a, 'first', ['user:john.doe_example.com']);
    // the other replica sees that this provisioner made the grant: the second component relies on it too
    await update(b, 'second', ['user:john.doe_example.com']);
    expect(johnHolds()).to.deep.equal(['workspace_reader']);
    expect(await ledgerRows()).to.deep.equal(
      ['first', 'second'].map((key) => ({
        component_id: `urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload-${key}`,
        ref: 'user:john.doe_example.com',
        role: 'workspace_reader',
        made: true,
      })),
    );
    const kept = await update(a, 'first', []);
    expect(johnHolds()).to.deep.equal(['workspace_reader']);
    expect(kept.body['logs']).to.satisfy((logs: ReadonlyArray<{ message: string }>) =>
      logs.some((l) =>
        /for user:john\.doe_example\.com .*: needed by component\(s\) .*-second$/.test(l.message),
      ),
    );

    await stopReplicas();
    const [c] = await Promise.all([replica(), replica()]);
    await update(c, 'second', []);
    expect(johnHolds()).to.deep.equal([]);
    expect(await ledgerRows()).to.deep.equal([]);
  });

  const run = async (service: RunningService, route: string, body: string) => {
    const accepted = await send(`${service.url}/v1/${route}`, { body });
    expect(accepted.status, accepted.text).to.equal(202);
    const done = await pollStatus(service.url, tokenOf(accepted), 15_000);
    expect(done.status, done.result).to.equal('COMPLETED');
    return done;
  };

  it("an unprovision on one replica releases what the other granted, keeping what another component's entry needs", async () => {
    const ann = sandbox().addUser('ann@example.com');
    const [a, b] = await Promise.all([replica(), replica()]);
    await run(a, 'provision', requestOf({ key: 'pa' }));
    await run(a, 'provision', requestOf({ key: 'pb' }));
    await update(a, 'pa', ['user:john.doe_example.com', 'user:ann_example.com']);
    await update(a, 'pb', ['user:john.doe_example.com']);

    const first = await run(b, 'unprovision', requestOf({ key: 'pa' }));
    expect(first.result).to.match(/\(1 revoked, 1 kept for other components, 0 forgotten\)$/);
    const holders = () =>
      sandbox()
        .permissions()
        .filter((p) => p.workspaceId === sandbox().workspaceId)
        .map((p) => p.userId);
    expect(holders()).to.not.include(ann);
    expect(johnHolds()).to.deep.equal(['workspace_reader']);
    expect((await ledgerRows()).map((r) => r['component_id'])).to.deep.equal([
      'urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload-pb',
    ]);

    await run(a, 'unprovision', requestOf({ key: 'pb' }));
    expect(johnHolds()).to.deep.equal([]);
    expect(await ledgerRows()).to.deep.equal([]);
  });
});
