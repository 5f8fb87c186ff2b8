/**
 * Reverse provisioning end to end: a pipeline made by hand in the sandbox Airbyte (its public API, as a
 * person in the UI would), imported over HTTP, written back into a descriptor, provisioned: no write.
 */
import { expect } from 'chai';
import { parseDocument } from 'yaml';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { descriptorOf } from '../reliability/descriptors.js';
import {
  airbyteEnv,
  pollStatus,
  send,
  sleep,
  startProvisioner,
  tokenOf,
  type Provisioner,
} from '../reliability/harness.js';

type Body = Record<string, unknown>;

/** Calls the sandbox's public API with a fresh token. */
const airbyteApi = async (sandbox: AirbyteSandbox) => {
  const token = await send(`${sandbox.url}/applications/token`, {
    body: JSON.stringify({
      client_id: sandbox.credentials.clientId,
      client_secret: sandbox.credentials.clientSecret,
      grant_type: 'client_credentials',
    }),
  });
  const bearer = (token.json as { access_token: string }).access_token;
  return async (path: string, body: Body): Promise<Body> => {
    const answer = await send(`${sandbox.url}${path}`, {
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${bearer}` },
    });
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
    return answer.json as Body;
  };
};

/** A File → Snowflake pipeline made by hand, with a password on the source and a cron schedule. */
const handMade = async (sandbox: AirbyteSandbox, name: string): Promise<string> => {
  const post = await airbyteApi(sandbox);
  const source = await post('/sources', {
    name: `${name}.File`,
    workspaceId: sandbox.workspaceId,
    configuration: {
      sourceType: 'file',
      url: 'https://example.com/vaccinations.csv',
      format: 'csv',
      dataset_name: 'vaccinations',
      provider: { storage: 'HTTPS', user_agent: false, password: 'hand-typed-s3cret' },
    },
  });
  const destination = await post('/destinations', {
    name: `${name}.Snowflake`,
    workspaceId: sandbox.workspaceId,
    configuration: {
      destinationType: 'snowflake',
      host: 'acme.snowflakecomputing.com',
      role: 'LOADER',
      warehouse: 'WH',
      database: 'HEALTH',
      schema: 'VACCINATIONS',
      username: 'LOADER_USER',
      credentials: { auth_type: 'Username and Password', password: 'sn0wflake-Pa55word-from-config' },
    },
  });
  const connection = await post('/connections', {
    name: `${name}.File-to-Snowflake`,
    sourceId: source['sourceId'],
    destinationId: destination['destinationId'],
    schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ?' },
  });
  return String(connection['connectionId']);
};

/** Applies `updates` (dot paths below `spec.mesh`) to the component of a descriptor, as the platform would. */
const applyUpdates = (descriptor: string, componentId: string, updates: Body): string => {
  const document = parseDocument(descriptor);
  const components = document.getIn(['dataProduct', 'components']) as { items: unknown[] };
  const index = components.items.findIndex(
    (c) => (c as { get: (k: string) => unknown }).get('id') === componentId,
  );
  for (const [path, value] of Object.entries(updates)) {
    const keys = path.replace(/^spec\.mesh\./, '').split('.');
    document.setIn(['dataProduct', 'components', index, ...keys], document.createNode(value));
  }
  return document.toString();
};

const reverse = async (p: Provisioner, params: Body) => {
  const accepted = await send(`${p.url}/v1/reverse-provisioning`, {
    body: JSON.stringify({
      useCaseTemplateId: 'urn:dmb:utm:airbyte-workload:0.0.0',
      environment: 'dev',
      params,
    }),
  });
  expect(accepted.status, accepted.text).to.equal(202);
  const token = tokenOf(accepted);
  for (let i = 0; i < 2000; i += 1) {
    const status = await send(`${p.url}/v1/reverse-provisioning/${token}/status`);
    expect(status.status, status.text).to.equal(200);
    const body = status.json as Body;
    if (body['status'] !== 'RUNNING') return body;
    expect(body['updates']).to.deep.equal({});
    await sleep(5);
  }
  throw new Error('reverse provisioning still RUNNING');
};

describe('operations: reverse provisioning over HTTP', function () {
  this.timeout(30_000);
  let sandbox: AirbyteSandbox;
  let p: Provisioner;

  before(async () => {
    sandbox = await startAirbyteSandbox({ jobDurationMs: 10 });
    p = await startProvisioner({ ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials) });
  });
  after(async () => {
    await p.close();
    await sandbox.close();
  });

  it('imports a hand-made connection by name; provisioning the updated descriptor writes nothing', async () => {
    const key = 'imported';
    const name = `healthcare.vaccinations.${key}`;
    const connectionId = await handMade(sandbox, name);
    const done = await reverse(p, { connectionName: `${name}.File-to-Snowflake` });
    expect(done['status'], JSON.stringify(done)).to.equal('COMPLETED');
    const updates = done['updates'] as Body;
    expect(Object.keys(updates).sort()).to.deep.equal([
      'spec.mesh.specific.adopt',
      'spec.mesh.specific.connection',
      'spec.mesh.specific.destination',
      'spec.mesh.specific.source',
    ]);
    // the platform's Snowflake settings (host, role, warehouse, user, password) are left to the profile
    expect(updates['spec.mesh.specific.destination']).to.deep.equal({
      name: `${name}.Snowflake`,
      destinationType: 'snowflake',
      connectionConfiguration: { database: 'HEALTH', schema: 'VACCINATIONS' },
    });
    const source = updates['spec.mesh.specific.source'] as { connectionConfiguration: Body };
    expect(source.connectionConfiguration['provider']).to.deep.equal({
      storage: 'HTTPS',
      user_agent: false,
      password: '${env:SOURCE_PROVIDER_PASSWORD}',
    });
    expect(updates['spec.mesh.specific.connection']).to.deep.include({
      name: `${name}.File-to-Snowflake`,
      status: 'active',
      schedule: { scheduleType: 'cron', cronExpression: '0 0 12 * * ?' },
    });
    // Airbyte (and the sandbox) answers prefix "" for none: the descriptor leaves it out
    expect(updates['spec.mesh.specific.connection']).not.to.have.property('prefix');
    expect(updates['spec.mesh.specific.adopt']).to.deep.include({ connectionId });
    const logs = done['logs'] as ReadonlyArray<{ level: string; message: string }>;
    expect(logs.filter((l) => l.level === 'WARNING').map((l) => l.message)).to.deep.equal([
      'Airbyte does not show secrets: fill these paths (now ${env:NAME} placeholders) with the values Airbyte holds before provisioning: spec.mesh.specific.source.connectionConfiguration.provider.password',
    ]);
    expect(JSON.stringify(done)).not.to.include('hand-typed-s3cret');

    // the platform writes the updates into the component, the user fills the secret, and provisions
    const componentId = `urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload-${key}`;
    const descriptor = applyUpdates(descriptorOf({ key }), componentId, updates).replace(
      '${env:SOURCE_PROVIDER_PASSWORD}',
      'hand-typed-s3cret',
    );
    sandbox.clearCalls();
    const accepted = await send(`${p.url}/v1/provision`, {
      body: JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor }),
    });
    expect(accepted.status, accepted.text).to.equal(202);
    const provisioned = await pollStatus(p.url, tokenOf(accepted));
    expect(provisioned.status, provisioned.result).to.equal('COMPLETED');
    expect(
      sandbox.calls().filter((c) => c.method !== 'GET'),
      JSON.stringify(provisioned.body['logs']),
    ).to.deep.equal([]);
    expect(sandbox.snapshot().connections.map((c) => c['connectionId'])).to.deep.equal([connectionId]);
  });

  it('by name: no match, or several matches, is FAILED listing them, with updates {}', async () => {
    const missing = await reverse(p, { connectionName: 'no such connection' });
    expect(missing['status']).to.equal('FAILED');
    expect(missing['updates']).to.deep.equal({});
    expect(JSON.stringify(missing['logs'])).to.include('no connection named \\"no such connection\\"');

    const first = await handMade(sandbox, 'twice');
    const second = await handMade(sandbox, 'twice');
    const ambiguous = await reverse(p, { connectionName: 'twice.File-to-Snowflake' });
    expect(ambiguous['status']).to.equal('FAILED');
    expect(ambiguous['updates']).to.deep.equal({});
    expect(JSON.stringify(ambiguous['logs'])).to.include(`(${first}, ${second})`);

    const byId = await reverse(p, { connectionId: second });
    expect(byId['status']).to.equal('COMPLETED');
  });

  it('an Airbyte failure is FAILED with updates {}', async () => {
    sandbox.inject({
      match: { method: 'GET', path: /^\/connections\//, times: Number.POSITIVE_INFINITY },
      action: { type: 'status', status: 400 },
    });
    try {
      const failed = await reverse(p, { connectionId: '00000000-0000-4000-8000-000000000000' });
      expect(failed['status']).to.equal('FAILED');
      expect(failed['updates']).to.deep.equal({});
    } finally {
      sandbox.clearFaults();
    }
  });
});
