/**
 * AIRBYTE_WORKSPACE_MODE=per-data-product end to end: the real server over HTTP, the sandbox Airbyte behind
 * it. Each data product gets its own workspace (found, or created once), every operation works there, and
 * the shared mode is unchanged.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { parse } from 'yaml';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { loadConfig } from '../../src/config/load-config.js';
import { buildContainer } from '../../src/container/build-container.js';
import { resolve } from '../../src/container/resolve.js';
import { UseCasesToken } from '../../src/container/tokens.js';
import { packageCollaborators } from '../../src/collaborators/load-collaborators.js';
import { startService } from '../../src/server/start-service.js';
import { descriptorOf } from '../reliability/descriptors.js';
import {
  airbyteEnv,
  configFrom,
  LEGACY,
  send,
  startProvisioner,
  tokenOf,
  type Provisioner,
} from '../reliability/harness.js';

type Body = Record<string, unknown>;

interface Product {
  /** The data product's name (and id part). */
  readonly dp: string;
  /** Distinguishes components (names and ids carry it). */
  readonly key: string;
  readonly domain?: string;
}

/** The File → Snowflake example as a component of another data product. */
const descriptorFor = ({ dp, key, domain = 'healthcare' }: Product): string =>
  descriptorOf({ key })
    .replace('  id: urn:dmb:dp:healthcare:vaccinations:0', `  id: urn:dmb:dp:${domain}:${dp}:0`)
    .replace('  name: Vaccinations\n', `  name: ${dp}\n`)
    .replace('  domain: healthcare\n', `  domain: ${domain}\n`);

const requestFor = (product: Product, extra: Body = {}): string =>
  JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: descriptorFor(product), ...extra });

const perDataProduct = (sandbox: AirbyteSandbox, extra: Record<string, string> = {}) => ({
  ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
  PROVISION_MODE: 'sync',
  AIRBYTE_WORKSPACE_MODE: 'per-data-product',
  AIRBYTE_ORGANIZATION_ID: sandbox.organizationId,
  // removeData waits for the clear job: poll it often
  AIRBYTE_JOB_POLL_MS: '10',
  ...extra,
});

const post = async (p: Provisioner, route: 'provision' | 'unprovision', body: string) => {
  const answer = await send(`${p.url}${LEGACY}/${route}`, { body });
  expect(answer.status, answer.text).to.equal(200);
  return answer.json as Body;
};

/** A synchronous provision that fails: 500 and the SystemError body (its error, then its solutions). */
const failing = async (p: Provisioner, body: string): Promise<string> => {
  const answer = await send(`${p.url}${LEGACY}/provision`, { body });
  expect(answer.status, answer.text).to.equal(500);
  const error = answer.json as { error: string; moreInfo: { solutions: ReadonlyArray<string> } };
  return [error.error, ...error.moreInfo.solutions].join('\n');
};

const publicInfo = (status: Body): Record<string, Body> =>
  (status['info'] as { publicInfo: Record<string, Body> }).publicInfo;

const privateRecord = (status: Body): Body =>
  (status['info'] as { privateInfo: { airbyte: Body } }).privateInfo.airbyte;

const messages = (status: Body): ReadonlyArray<string> =>
  (status['logs'] as ReadonlyArray<{ message: string }>).map((l) => l.message);

/** The descriptor as the platform sends it back: the component with its last deploy's info. */
const enriched = (product: Product, status: Body): string => {
  const tree = parse(descriptorFor(product)) as { dataProduct: { components: Body[] } };
  tree.dataProduct.components[0]!['info'] = status['info'];
  return JSON.stringify(tree);
};

describe('operations: one Airbyte workspace per data product, over HTTP', function () {
  this.timeout(30_000);
  let sandbox: AirbyteSandbox;
  let p: Provisioner;

  beforeEach(async () => {
    sandbox = await startAirbyteSandbox({ jobDurationMs: 10 });
    p = await startProvisioner(perDataProduct(sandbox));
  });
  afterEach(async () => {
    await p.close();
    await sandbox.close();
  });

  const workspaceNamed = (name: string) => sandbox.snapshot().workspaces.filter((w) => w.name === name);
  const workspaceCreates = () =>
    sandbox.calls().filter((c) => c.method === 'POST' && c.path === '/workspaces');
  const sourcesIn = (workspaceId: string) =>
    sandbox
      .snapshot()
      .sources.filter((s) => s['workspaceId'] === workspaceId)
      .map((s) => s['name']);

  it('gives two data products two workspaces, named from the default template, and links each in publicInfo', async () => {
    const orders = await post(p, 'provision', requestFor({ dp: 'orders', key: 'o1' }));
    const invoices = await post(p, 'provision', requestFor({ dp: 'invoices', key: 'i1' }));
    expect([orders['status'], invoices['status']], JSON.stringify([orders, invoices])).to.deep.equal([
      'COMPLETED',
      'COMPLETED',
    ]);

    const [ordersSpace] = workspaceNamed('healthcare.orders.0');
    const [invoicesSpace] = workspaceNamed('healthcare.invoices.0');
    expect(ordersSpace?.organizationId).to.equal(sandbox.organizationId);
    expect(sourcesIn(ordersSpace!.workspaceId)).to.deep.equal(['healthcare.vaccinations.o1.File']);
    expect(sourcesIn(invoicesSpace!.workspaceId)).to.deep.equal(['healthcare.vaccinations.i1.File']);
    expect(sourcesIn(sandbox.workspaceId)).to.deep.equal([]);

    const ui = new URL(sandbox.url).origin;
    expect(publicInfo(orders)['airbyteWorkspace']).to.deep.equal({
      type: 'link',
      label: 'Airbyte workspace',
      value: 'healthcare.orders.0',
      href: `${ui}/workspaces/${ordersSpace!.workspaceId}`,
    });
    expect(String(publicInfo(orders)['airbyteConnection']?.['href'])).to.include(
      `/workspaces/${ordersSpace!.workspaceId}/connections/`,
    );
    expect(privateRecord(orders)).to.include({
      workspaceId: ordersSpace!.workspaceId,
      workspaceName: 'healthcare.orders.0',
    });
    expect(messages(orders)[0]).to.equal(
      `Created Airbyte workspace "healthcare.orders.0" (${ordersSpace!.workspaceId})`,
    );
  });

  it('reuses the workspace for a second component, and for a re-deploy, creating it once', async () => {
    await post(p, 'provision', requestFor({ dp: 'orders', key: 'a' }));
    const second = await post(p, 'provision', requestFor({ dp: 'orders', key: 'b' }));
    const again = await post(p, 'provision', requestFor({ dp: 'orders', key: 'a' }));
    expect([second['status'], again['status']]).to.deep.equal(['COMPLETED', 'COMPLETED']);

    const spaces = workspaceNamed('healthcare.orders.0');
    expect(spaces).to.have.length(1);
    expect(workspaceCreates()).to.have.length(1);
    expect(sourcesIn(spaces[0]!.workspaceId).sort()).to.deep.equal([
      'healthcare.vaccinations.a.File',
      'healthcare.vaccinations.b.File',
    ]);
    expect(messages(second)[0]).to.equal(
      `Using Airbyte workspace "healthcare.orders.0" (${spaces[0]!.workspaceId})`,
    );
    expect(messages(again)[0]).to.equal(
      `Using the Airbyte workspace recorded for this component "healthcare.orders.0" (${spaces[0]!.workspaceId})`,
    );
  });

  it("starts the sync after deploy on the connection in the data product's workspace", async () => {
    const descriptor = descriptorFor({ dp: 'orders', key: 'sync' }).replace(
      '          name: healthcare.vaccinations.sync.File-to-Snowflake\n',
      '          name: healthcare.vaccinations.sync.File-to-Snowflake\n          syncOnProvision: true\n',
    );
    const status = await post(
      p,
      'provision',
      JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor }),
    );
    expect(status['status'], JSON.stringify(status)).to.equal('COMPLETED');
    const [space] = workspaceNamed('healthcare.orders.0');
    const connection = sandbox.snapshot().connections[0]!;
    expect(connection['workspaceId']).to.equal(space!.workspaceId);
    const jobs = sandbox.snapshot().jobs;
    expect(jobs.map((j) => j['connectionId'])).to.deep.equal([connection['connectionId']]);
    expect(String(publicInfo(status)['lastSyncJob']?.['href'])).to.include(
      `/workspaces/${space!.workspaceId}/`,
    );
  });

  it('creates one workspace when two components of one data product deploy at once for the first time', async () => {
    // every answer takes a while, so that both lookups would overlap without the lock on the name
    sandbox.setLatency(25);
    const results = await Promise.all(
      ['c1', 'c2', 'c3'].map((key) => post(p, 'provision', requestFor({ dp: 'orders', key }))),
    );
    expect(results.map((r) => r['status'])).to.deep.equal(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(workspaceCreates()).to.have.length(1);
    const spaces = workspaceNamed('healthcare.orders.0');
    expect(spaces).to.have.length(1);
    expect(sourcesIn(spaces[0]!.workspaceId)).to.have.length(3);
  });

  it('refuses a second data product whose name renders the same workspace name, naming both', async () => {
    await p.close();
    p = await startProvisioner(
      perDataProduct(sandbox, { AIRBYTE_WORKSPACE_NAME_TEMPLATE: '{dataProductName}' }),
    );
    const first = await post(p, 'provision', requestFor({ dp: 'orders', key: 'f', domain: 'finance' }));
    expect(first['status'], JSON.stringify(first)).to.equal('COMPLETED');

    sandbox.clearCalls();
    const clash = await failing(p, requestFor({ dp: 'orders', key: 's', domain: 'sales' }));
    expect(clash).to.include(
      'data products urn:dmb:dp:finance:orders:0 and urn:dmb:dp:sales:orders:0 both resolve to Airbyte workspace "orders"',
    );
    // refused before anything was looked up or written in Airbyte
    expect(
      sandbox.calls().filter((c) => c.method !== 'GET' && c.path !== '/applications/token'),
    ).to.deep.equal([]);
    expect(sourcesIn(workspaceNamed('orders')[0]!.workspaceId)).to.deep.equal([
      'healthcare.vaccinations.f.File',
    ]);
  });

  /** What a person does in Airbyte by hand, with the provisioner's own credentials. */
  const byHand = async (method: string, path: string, body?: Body): Promise<Response> => {
    const token = await fetch(`${sandbox.url}/applications/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: sandbox.credentials.clientId,
        client_secret: sandbox.credentials.clientSecret,
        grant_type: 'client_credentials',
      }),
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    return fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };

  it('finds the workspace again by name when the recorded one was deleted by hand', async () => {
    const product = { dp: 'orders', key: 'gone' };
    const first = await post(p, 'provision', requestFor(product));
    const old = String(privateRecord(first)['workspaceId']);
    expect((await byHand('DELETE', `/workspaces/${old}`)).status).to.equal(204);

    const again = await post(p, 'provision', requestFor(product));
    expect(again['status'], JSON.stringify(again)).to.equal('COMPLETED');
    const [space] = workspaceNamed('healthcare.orders.0');
    expect(space!.workspaceId).to.not.equal(old);
    expect(privateRecord(again)['workspaceId']).to.equal(space!.workspaceId);
    expect(messages(again).slice(0, 2)).to.deep.equal([
      `The Airbyte workspace recorded for this component (${old}) no longer exists`,
      `Created Airbyte workspace "healthcare.orders.0" (${space!.workspaceId})`,
    ]);
    expect(sourcesIn(space!.workspaceId)).to.deep.equal(['healthcare.vaccinations.gone.File']);
  });

  it("refuses to choose between two workspaces with the data product's name, naming both", async () => {
    const twins = [];
    for (let i = 0; i < 2; i++) {
      const made = await byHand('POST', '/workspaces', { name: 'healthcare.orders.0' });
      twins.push(((await made.json()) as { workspaceId: string }).workspaceId);
    }
    const refused = await failing(p, requestFor({ dp: 'orders', key: 'twin' }));
    expect(refused).to.include(`2 Airbyte workspaces are named "healthcare.orders.0" (${twins.join(', ')})`);
    expect(sandbox.snapshot().sources).to.deep.equal([]);
  });

  it("refuses a record sent back by the platform that points into another data product's workspace", async () => {
    const orders = await post(p, 'provision', requestFor({ dp: 'orders', key: 'mine' }));
    const intruder = { dp: 'invoices', key: 'intruder' };
    sandbox.clearCalls();
    const refused = await failing(
      p,
      requestFor(intruder, { latestEnrichedDescriptor: enriched(intruder, orders) }),
    );
    expect(refused).to.include(
      'data products urn:dmb:dp:healthcare:orders:0 and urn:dmb:dp:healthcare:invoices:0 both resolve to Airbyte workspace "healthcare.orders.0"',
    );
    expect(
      sandbox.calls().filter((c) => c.method !== 'GET' && c.path !== '/applications/token'),
    ).to.deep.equal([]);
  });

  it('keeps using the recorded workspace after the name template changes', async () => {
    const product = { dp: 'orders', key: 'kept' };
    const first = await post(p, 'provision', requestFor(product));
    const workspaceId = String(privateRecord(first)['workspaceId']);
    await p.close();
    p = await startProvisioner(
      perDataProduct(sandbox, { AIRBYTE_WORKSPACE_NAME_TEMPLATE: 'dp-{dataProductId}' }),
    );

    sandbox.clearCalls();
    const again = await post(
      p,
      'provision',
      requestFor(product, { latestEnrichedDescriptor: enriched(product, first) }),
    );
    expect(again['status'], JSON.stringify(again)).to.equal('COMPLETED');
    expect(privateRecord(again)['workspaceId']).to.equal(workspaceId);
    expect(workspaceCreates()).to.deep.equal([]);
    expect(
      sandbox.calls().filter((c) => c.method !== 'GET' && c.path !== '/applications/token'),
    ).to.deep.equal([]);
    expect(
      sandbox
        .snapshot()
        .workspaces.map((w) => w.name)
        .sort(),
    ).to.deep.equal(['Sandbox workspace', 'healthcare.orders.0']);
  });

  it('unprovision keeps the workspace unless removeData is asked and nothing else is in it; then deletes it', async () => {
    await post(p, 'provision', requestFor({ dp: 'orders', key: 'u1' }));
    await post(p, 'provision', requestFor({ dp: 'orders', key: 'u2' }));
    const [space] = workspaceNamed('healthcare.orders.0');
    const label = `Airbyte workspace "healthcare.orders.0" (${space!.workspaceId})`;

    const kept = await post(p, 'unprovision', requestFor({ dp: 'orders', key: 'u1' }));
    expect(kept['status'], JSON.stringify(kept)).to.equal('COMPLETED');
    expect(messages(kept)).to.include(`Kept ${label}: removeData was not asked for`);

    expect(workspaceNamed('healthcare.orders.0')).to.have.length(1);

    // the last component, with removeData: the workspace held only its resources
    const last = await post(p, 'unprovision', requestFor({ dp: 'orders', key: 'u2' }, { removeData: true }));
    expect(last['status'], JSON.stringify(last)).to.equal('COMPLETED');
    expect(messages(last).at(-1)).to.equal(`Deleted ${label}: it held nothing else`);
    expect(workspaceNamed('healthcare.orders.0')).to.deep.equal([]);

    // the name is free again: the next deploy creates a new workspace
    const back = await post(p, 'provision', requestFor({ dp: 'orders', key: 'u3' }));
    expect(back['status'], JSON.stringify(back)).to.equal('COMPLETED');
    expect(workspaceNamed('healthcare.orders.0')[0]?.workspaceId).to.not.equal(space!.workspaceId);
  });

  it('keeps a workspace that still holds another resource, even with removeData', async () => {
    await post(p, 'provision', requestFor({ dp: 'orders', key: 'only' }));
    const [space] = workspaceNamed('healthcare.orders.0');
    await post(p, 'provision', requestFor({ dp: 'orders', key: 'other' }));

    const removed = await post(
      p,
      'unprovision',
      requestFor({ dp: 'orders', key: 'only' }, { removeData: true }),
    );
    expect(removed['status'], JSON.stringify(removed)).to.equal('COMPLETED');
    expect(messages(removed).at(-1)).to.equal(
      `Kept Airbyte workspace "healthcare.orders.0" (${space!.workspaceId}): it still holds other resources`,
    );
    expect(sourcesIn(space!.workspaceId)).to.deep.equal(['healthcare.vaccinations.other.File']);
  });

  it('unprovisions a component of a data product that has no workspace yet: nothing to delete, nothing created', async () => {
    const removed = await post(p, 'unprovision', requestFor({ dp: 'never', key: 'n' }, { removeData: true }));
    expect(removed['status'], JSON.stringify(removed)).to.equal('COMPLETED');
    expect(workspaceCreates()).to.deep.equal([]);
    expect(messages(removed)[0]).to.equal('Airbyte workspace "healthcare.never.0" does not exist yet');
  });

  for (const [status, what] of [
    [403, 'an application not allowed to create workspaces'],
    [503, 'an Airbyte unavailable'],
  ] as const) {
    it(`fails clearly, writing nothing, when Airbyte refuses the workspace (${status}: ${what}); a retry then succeeds`, async () => {
      sandbox.inject({
        match: { method: 'POST', path: '/workspaces', times: Infinity },
        action: { type: 'status', status },
      });
      const failed = await failing(p, requestFor({ dp: 'orders', key: 'x' }));
      expect(failed).to.match(/^create workspace "healthcare\.orders\.0" failed: /);
      expect(failed).to.include(`(${status})`);
      if (status === 403)
        expect(failed).to.include('may not create workspaces').and.include('organization_editor');
      expect(workspaceNamed('healthcare.orders.0')).to.deep.equal([]);
      expect(sandbox.snapshot().sources).to.deep.equal([]);

      sandbox.clearFaults();
      const retried = await post(p, 'provision', requestFor({ dp: 'orders', key: 'x' }));
      expect(retried['status'], JSON.stringify(retried)).to.equal('COMPLETED');
      expect(workspaceNamed('healthcare.orders.0')).to.have.length(1);
    });
  }

  it("updateacl grants the role on the data product's workspace only", async () => {
    const john = sandbox.addUser('john.doe@example.com');
    await p.close();
    p = await startProvisioner(perDataProduct(sandbox, { AIRBYTE_ACL_MODE: 'workspace-role' }));
    await post(p, 'provision', requestFor({ dp: 'orders', key: 'acl' }));
    await post(p, 'provision', requestFor({ dp: 'invoices', key: 'other' }));
    const [orders] = workspaceNamed('healthcare.orders.0');

    const answer = await send(`${p.url}${LEGACY}/updateacl`, {
      body: JSON.stringify({
        acl: { users: ['user:john.doe_example.com'], groups: [] },
        provisionInfo: { request: descriptorFor({ dp: 'orders', key: 'acl' }), result: '' },
      }),
    });
    expect(answer.status, answer.text).to.equal(200);
    expect((answer.json as Body)['status'], answer.text).to.equal('COMPLETED');
    expect(sandbox.permissions().map((g) => [g.userId, g.workspaceId, g.permissionType])).to.deep.equal([
      [john, orders!.workspaceId, 'workspace_reader'],
    ]);
  });

  it('plans without creating the workspace, and says a provision would create it', async () => {
    const container = await buildContainer(
      packageCollaborators,
      configFrom(perDataProduct(sandbox)),
      { logFd: 1 },
      [],
    );
    const planned = await resolve(container, UseCasesToken).plan({
      descriptorKind: 'COMPONENT_DESCRIPTOR',
      descriptor: descriptorFor({ dp: 'orders', key: 'plan' }),
    })();
    expect(E.isRight(planned) && planned.right.map((c) => [c.kind, c.action])).to.deep.equal([
      ['workspace', 'create'],
      ['source', 'create'],
      ['destination', 'create'],
      ['connection', 'create'],
    ]);
    expect(E.isRight(planned) && planned.right[0]?.name).to.equal('healthcare.orders.0');
    expect(workspaceCreates()).to.deep.equal([]);
    expect(
      sandbox.calls().filter((c) => c.method !== 'GET' && c.path !== '/applications/token'),
    ).to.deep.equal([]);
  });

  it('reverse provisioning looks the connection up in the workspace the params name', async () => {
    await post(p, 'provision', requestFor({ dp: 'orders', key: 'rev' }));
    const [space] = workspaceNamed('healthcare.orders.0');
    // another provisioner, that owns nothing yet: the connection is an existing one to import
    await p.close();
    p = await startProvisioner(perDataProduct(sandbox));
    const reverse = async (params: Body) => {
      const accepted = await send(`${p.url}/v1/reverse-provisioning`, {
        body: JSON.stringify({
          useCaseTemplateId: 'urn:dmb:utm:airbyte-standard:0.0.0',
          environment: 'dev',
          params,
        }),
      });
      expect(accepted.status, accepted.text).to.equal(202);
      for (;;) {
        const status = await send(`${p.url}/v1/reverse-provisioning/${tokenOf(accepted)}/status`);
        const body = status.json as Body;
        if (body['status'] !== 'RUNNING') return body;
        await new Promise((done) => setTimeout(done, 5));
      }
    };
    const missing = await reverse({ connectionName: 'healthcare.vaccinations.rev.File-to-Snowflake' });
    expect(missing['status']).to.equal('FAILED');
    expect(JSON.stringify(missing)).to.include('params.workspaceId');

    const found = await reverse({
      connectionName: 'healthcare.vaccinations.rev.File-to-Snowflake',
      workspaceName: 'healthcare.orders.0',
    });
    expect(found['status'], JSON.stringify(found)).to.equal('COMPLETED');
    expect(JSON.stringify(found)).to.include(space!.workspaceId);
  });
});

describe('operations: the shared workspace mode is unchanged', function () {
  this.timeout(20_000);

  it('deploys every data product into the configured workspace, creating none, naming none', async () => {
    const sandbox = await startAirbyteSandbox({ jobDurationMs: 10 });
    const p = await startProvisioner({
      ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
      PROVISION_MODE: 'sync',
    });
    try {
      const orders = await post(p, 'provision', requestFor({ dp: 'orders', key: 's1' }));
      const invoices = await post(p, 'provision', requestFor({ dp: 'invoices', key: 's2' }));
      expect([orders['status'], invoices['status']]).to.deep.equal(['COMPLETED', 'COMPLETED']);
      expect(
        sandbox.calls().filter((c) => c.path.startsWith('/workspaces') && c.method !== 'GET'),
      ).to.deep.equal([]);
      expect(sandbox.snapshot().workspaces).to.have.length(1);
      expect(new Set(sandbox.snapshot().sources.map((s) => s['workspaceId']))).to.deep.equal(
        new Set([sandbox.workspaceId]),
      );
      expect(publicInfo(orders)).to.not.have.property('airbyteWorkspace');
      expect(privateRecord(orders)).to.not.have.property('workspaceName');
    } finally {
      await p.close();
      await sandbox.close();
    }
  });
});

describe('operations: serve --sandbox in either workspace mode', function () {
  this.timeout(20_000);

  for (const mode of ['shared', 'per-data-product'] as const) {
    it(`deploys into the embedded sandbox (${mode})`, async () => {
      const service = await startService(
        packageCollaborators,
        configFrom({ AIRBYTE_WORKSPACE_MODE: mode, PROVISION_MODE: 'sync' }),
        { sandbox: {} },
      );
      try {
        const answer = await send(`${service.url}${LEGACY}/provision`, {
          body: requestFor({ dp: 'orders', key: mode }),
        });
        expect(answer.status, answer.text).to.equal(200);
        const status = answer.json as Body;
        expect(status['status'], answer.text).to.equal('COMPLETED');
        expect(publicInfo(status)['airbyteWorkspace']?.['value']).to.equal(
          mode === 'shared' ? undefined : 'healthcare.orders.0',
        );
      } finally {
        await service.stop();
      }
    });
  }
});

describe('config: the workspace mode and name template', () => {
  const env = { AIRBYTE_WORKSPACE_MODE: 'per-data-product' };
  const load = (extra: Record<string, string>) =>
    loadConfig({ env: { ...env, ...extra }, readTextFile: () => E.left('no file') });

  it('stops start-up on an unknown placeholder, naming the variable', () => {
    const loaded = load({ AIRBYTE_WORKSPACE_NAME_TEMPLATE: '{domain}.{product}' });
    expect(E.isLeft(loaded) && loaded.left.map((p) => p.path)).to.deep.equal([
      'AIRBYTE_WORKSPACE_NAME_TEMPLATE',
    ]);
    expect(E.isLeft(loaded) && loaded.left[0]?.message).to.include('unknown placeholder(s) {product}');
  });

  it('stops start-up on a template that does not name the data product', () => {
    const loaded = load({ AIRBYTE_WORKSPACE_NAME_TEMPLATE: '{domain}' });
    expect(E.isLeft(loaded) && loaded.left[0]?.message).to.include('{dataProductName} or {dataProductId}');
  });

  it('stops start-up on an unknown mode', () => {
    const loaded = load({ AIRBYTE_WORKSPACE_MODE: 'per-domain' });
    expect(E.isLeft(loaded) && loaded.left.map((p) => p.path)).to.deep.equal(['AIRBYTE_WORKSPACE_MODE']);
  });

  it('takes the default template in per-data-product mode, and no per-data-product settings by default', () => {
    const perDataProductMode = load({});
    expect(E.isRight(perDataProductMode) && perDataProductMode.right.perDataProduct?.template.text).to.equal(
      '{domain}.{dataProductName}.{majorVersion}',
    );
    const shared = loadConfig({ env: {}, readTextFile: () => E.left('no file') });
    expect(E.isRight(shared) && shared.right.perDataProduct).to.equal(undefined);
  });
});
