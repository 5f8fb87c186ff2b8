/**
 * Per-data-product workspaces across two replicas on one PostgreSQL database: the lock on the workspace
 * name is a lease there, so first deploys of one data product's components on both replicas at once create
 * one workspace; the name's owner is durable, so a clash is refused on either replica.
 */
import { expect } from 'chai';
import type { RunningService } from '../../src/server/start-service.js';
import { replicaSuite } from '../support/serve-child.js';
import { descriptorOf } from '../reliability/descriptors.js';
import { LEGACY, send } from '../reliability/harness.js';

const requestFor = (dp: string, key: string, domain = 'healthcare'): string =>
  JSON.stringify({
    descriptorKind: 'COMPONENT_DESCRIPTOR',
    descriptor: descriptorOf({ key })
      .replace('  id: urn:dmb:dp:healthcare:vaccinations:0', `  id: urn:dmb:dp:${domain}:${dp}:0`)
      .replace('  name: Vaccinations\n', `  name: ${dp}\n`)
      .replace('  domain: healthcare\n', `  domain: ${domain}\n`),
  });

describe('per-data-product workspaces on two replicas of one PostgreSQL database', function () {
  this.timeout(60_000);
  const { sandbox, replica } = replicaSuite({
    PROVISION_MODE: 'sync',
    AIRBYTE_WORKSPACE_MODE: 'per-data-product',
  });

  const provision = (service: RunningService, body: string) =>
    send(`${service.url}${LEGACY}/provision`, { body });

  it('first deploys of four components on both replicas at once create one workspace', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    sandbox().setLatency(20);
    try {
      const answers = await Promise.all(
        ['r1', 'r2', 'r3', 'r4'].map((key, i) => provision(i % 2 === 0 ? a : b, requestFor('orders', key))),
      );
      expect(answers.map((x) => [x.status, (x.json as { status?: string }).status])).to.deep.equal(
        Array.from({ length: 4 }, () => [200, 'COMPLETED']),
      );
    } finally {
      sandbox().setLatency(0);
    }
    const spaces = sandbox()
      .snapshot()
      .workspaces.filter((w) => w.name === 'healthcare.orders.0');
    expect(spaces).to.have.length(1);
    expect(
      sandbox()
        .snapshot()
        .sources.filter((s) => s['workspaceId'] === spaces[0]!.workspaceId),
    ).to.have.length(4);
  });

  it('refuses, on the other replica and after a restart, a data product whose name renders a workspace name another owns', async () => {
    const template = { AIRBYTE_WORKSPACE_NAME_TEMPLATE: 'shared-{dataProductName}' };
    const first = await replica(template);
    const created = await provision(first, requestFor('invoices', 'own', 'finance'));
    expect(created.status, created.text).to.equal(200);
    await first.stop();

    const other = await replica(template);
    const clash = await provision(other, requestFor('invoices', 'clash', 'sales'));
    expect(clash.status).to.equal(500);
    expect(clash.text).to.include(
      'data products urn:dmb:dp:finance:invoices:0 and urn:dmb:dp:sales:invoices:0 both resolve to Airbyte workspace \\"shared-invoices\\"',
    );
  });
});
