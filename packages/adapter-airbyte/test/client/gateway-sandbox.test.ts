/**
 * The gateway against the Airbyte sandbox over a real socket: the whole lifecycle of each resource,
 * paging across several pages, masked secrets, cascade delete, discovery and a sync.
 */
import type { ActorSpec, AirbyteGateway, ConnectionSpec } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { makeAirbytePublicApiGateway } from '../../src/index.js';
import { startAirbyteSandbox, type AirbyteSandbox } from '../../src/sandbox/index.js';
import { call, fetchToken } from '../sandbox/sandbox-client.js';

const ok = async <A>(te: TaskEither<unknown, A>): Promise<A> => {
  const result = await te();
  if (E.isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const fileSource = (name: string, url = 'https://example.com/orders.csv'): ActorSpec => ({
  name,
  connector: { _tag: 'ConnectorType', connectorType: 'file' },
  configuration: {
    dataset_name: 'orders',
    format: 'csv',
    url,
    provider: { storage: 'HTTPS', user_agent: false },
  },
});

const postgresSource = (name: string): ActorSpec => ({
  name,
  connector: { _tag: 'ConnectorType', connectorType: 'postgres' },
  configuration: { host: 'db.example.com', port: 5432, database: 'orders', username: 'reader' },
});

const snowflake = (name: string, password: string): ActorSpec => ({
  name,
  connector: { _tag: 'DefinitionId', definitionId: '424892c4-daac-4491-b35d-c6688ba547ba' },
  configuration: {
    host: 'acme.snowflakecomputing.com',
    database: 'SALES',
    schema: 'ORDERS',
    credentials: { auth_type: 'Username and Password', password },
  },
});

describe('AirbytePublicApiGateway against the Airbyte sandbox', () => {
  let sandbox: AirbyteSandbox;
  let gateway: AirbyteGateway;

  /** A File source and a Snowflake destination created, and the spec of a connection between them. */
  const pipeline = async () => {
    const source = await ok(gateway.createActor('source', fileSource('orders-file')));
    const destination = await ok(gateway.createActor('destination', snowflake('orders-snowflake', 'pw-1')));
    const spec: ConnectionSpec = {
      name: 'orders-pipeline',
      sourceId: source.id,
      destinationId: destination.id,
      streams: [{ name: 'orders', syncMode: 'full_refresh_overwrite' }],
      schedule: { scheduleType: 'manual' },
      status: 'active',
    };
    return { source, destination, spec };
  };

  beforeEach(async () => {
    // jobs end on their first poll, never by time: a slow machine must not end one between two calls
    sandbox = await startAirbyteSandbox({
      host: '127.0.0.1',
      port: 0,
      jobPollsToSucceed: 1,
      jobDurationMs: 3_600_000,
    });
    gateway = makeAirbytePublicApiGateway({
      baseUrl: sandbox.url,
      workspaceId: sandbox.workspaceId,
      auth: { type: 'clientCredentials', ...sandbox.credentials },
      pageSize: 2,
      sleep: () => Promise.resolve(),
    });
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('creates, finds, updates and deletes a source and a destination; secrets come back masked', async () => {
    await ok(gateway.checkWorkspace());
    const source = await ok(gateway.createActor('source', fileSource('orders-file')));
    expect([source.kind, source.name, source.connectorType, source.workspaceId]).to.deep.equal([
      'source',
      'orders-file',
      'file',
      sandbox.workspaceId,
    ]);
    const destination = await ok(gateway.createActor('destination', snowflake('orders-snowflake', 'pw-1')));
    expect(destination.connectorType).to.equal('snowflake');
    expect(destination.configuration['credentials']).to.deep.equal({
      auth_type: 'Username and Password',
      password: '**********',
    });

    expect(await ok(gateway.findActorById('source', source.id))).to.deep.equal(O.some(source));
    expect(await ok(gateway.findActorsByName('destination', 'orders-snowflake'))).to.deep.equal([
      destination,
    ]);

    const updated = await ok(
      gateway.updateActor('source', source.id, fileSource('orders-file', 'https://example.com/v2.csv')),
    );
    expect([updated.id, updated.configuration['url']]).to.deep.equal([
      source.id,
      'https://example.com/v2.csv',
    ]);
    const read = await ok(gateway.findActorById('destination', destination.id));
    expect(O.map((d: { configuration: unknown }) => d.configuration)(read)).to.deep.equal(
      O.some(destination.configuration),
    );

    await ok(gateway.deleteActor('source', source.id));
    await ok(gateway.deleteActor('source', source.id));
    expect(await ok(gateway.findActorById('source', source.id))).to.deep.equal(O.none);
  });

  it('finds every same-named resource across several pages', async () => {
    const created = [];
    for (let i = 0; i < 5; i += 1) {
      created.push(await ok(gateway.createActor('source', fileSource(i % 2 === 0 ? 'twin' : `other-${i}`))));
    }
    const twins = await ok(gateway.findActorsByName('source', 'twin'));
    expect(twins.map((s) => s.id)).to.deep.equal([created[0]!.id, created[2]!.id, created[4]!.id]);
    const listCalls = sandbox.calls().filter((c) => c.method === 'GET' && c.path === '/sources');
    expect(listCalls.map((c) => c.query['offset'])).to.deep.equal(['0', '2', '4']);
  });

  it('runs a connection through its lifecycle: discovery, create, patch, sync, delete, cascade', async () => {
    const { source, destination, spec } = await pipeline();
    const streams = await ok(gateway.discoverStreams(source.id, destination.id));
    expect(streams.map((s) => s.name)).to.deep.equal(['orders']);

    const connection = await ok(gateway.createConnection(spec));
    expect([
      connection.name,
      connection.sourceId,
      connection.destinationId,
      connection.streams,
    ]).to.deep.equal([
      'orders-pipeline',
      source.id,
      destination.id,
      [{ name: 'orders', syncMode: 'full_refresh_overwrite' }],
    ]);
    expect(await ok(gateway.findConnectionsByName('orders-pipeline'))).to.deep.equal([connection]);
    expect(
      (await ok(gateway.findConnectionsUsing('destination', destination.id))).map((c) => c.id),
    ).to.deep.equal([connection.id]);

    const patched = await ok(
      gateway.updateConnection(connection.id, { ...spec, status: 'inactive', prefix: 'raw_' }),
    );
    expect([patched.id, patched.status, patched.prefix]).to.deep.equal([connection.id, 'inactive', 'raw_']);
    await ok(gateway.updateConnection(connection.id, spec));

    const job = await ok(gateway.startSync(connection.id));
    const again = await ok(gateway.startSync(connection.id));
    expect(again.id).to.equal(job.id);
    let status = job.status;
    for (let poll = 0; poll < 10 && status !== 'succeeded'; poll += 1) {
      status = (await ok(gateway.getJob(job.id))).status;
    }
    expect(status).to.equal('succeeded');

    await ok(gateway.deleteConnection(connection.id));
    await ok(gateway.deleteConnection(connection.id));
    expect(await ok(gateway.findConnectionById(connection.id))).to.deep.equal(O.none);

    const second = await ok(gateway.createConnection(spec));
    await ok(gateway.deleteActor('source', source.id));
    expect(await ok(gateway.findConnectionById(second.id))).to.deep.equal(O.none);
    expect(await ok(gateway.findConnectionsUsing('destination', destination.id))).to.deep.equal([]);
  });

  it('answers a create whose response was lost, without creating a second', async () => {
    const slow = makeAirbytePublicApiGateway({
      baseUrl: sandbox.url,
      workspaceId: sandbox.workspaceId,
      auth: { type: 'clientCredentials', ...sandbox.credentials },
      timeoutMs: 100,
      sleep: () => Promise.resolve(),
    });
    sandbox.inject({
      match: { method: 'POST', path: '/sources' },
      action: { type: 'delay', ms: 1000 },
      when: 'after',
    });
    const source = await ok(slow.createActor('source', fileSource('lost-answer')));
    expect(sandbox.snapshot().sources.map((s) => s['sourceId'])).to.deep.equal([source.id]);
  });

  it('keeps the settings Airbyte holds and the spec omits when it patches a connection', async () => {
    const { spec } = await pipeline();
    const connection = await ok(gateway.createConnection(spec));
    // someone sets them in Airbyte, outside the descriptor
    const token = await fetchToken(sandbox, sandbox.credentials);
    const set = await call(
      sandbox,
      'PATCH',
      `/connections/${connection.id}`,
      {
        namespaceDefinition: 'source',
        prefix: 'raw_',
        nonBreakingSchemaUpdatesBehavior: 'propagate_columns',
      },
      { token },
    );
    expect(set.status).to.equal(200);

    const patched = await ok(gateway.updateConnection(connection.id, { ...spec, status: 'inactive' }));
    const read = await ok(gateway.findConnectionById(connection.id));
    for (const c of [patched, O.toUndefined(read)]) {
      expect([
        c?.status,
        c?.namespaceDefinition,
        c?.prefix,
        c?.nonBreakingSchemaUpdatesBehavior,
      ]).to.deep.equal(['inactive', 'source', 'raw_', 'propagate_columns']);
    }
  });

  describe('a create whose answer was lost, beside an older same-named actor of another connector', () => {
    // the new half of a replace: the connector changed, the name did not, and the old actor still exists
    const slowGateway = () =>
      makeAirbytePublicApiGateway({
        baseUrl: sandbox.url,
        workspaceId: sandbox.workspaceId,
        auth: { type: 'clientCredentials', ...sandbox.credentials },
        timeoutMs: 100,
        sleep: () => Promise.resolve(),
      });

    it('answers the actor it created, not the old one', async () => {
      const old = await ok(gateway.createActor('source', postgresSource('orders')));
      sandbox.inject({
        match: { method: 'POST', path: '/sources' },
        action: { type: 'delay', ms: 1000 },
        when: 'after',
      });
      const created = await ok(slowGateway().createActor('source', fileSource('orders')));
      expect([created.connectorType, created.id === old.id]).to.deep.equal(['file', false]);
      expect(sandbox.snapshot().sources.map((s) => s['sourceType'])).to.deep.equal(['postgres', 'file']);
    });

    it('creates again when only the old one exists, instead of adopting it', async () => {
      const old = await ok(gateway.createActor('source', postgresSource('orders')));
      sandbox.inject({
        match: { method: 'POST', path: '/sources' },
        action: { type: 'status', status: 503, body: { detail: 'unavailable' } },
      });
      const created = await ok(slowGateway().createActor('source', fileSource('orders')));
      expect([created.connectorType, created.id === old.id]).to.deep.equal(['file', false]);
      expect(sandbox.snapshot().sources.map((s) => s['sourceType'])).to.deep.equal(['postgres', 'file']);
    });
  });

  describe("what Airbyte's server does that its spec does not say", () => {
    it("reports a connector-spec failure with the server's message (422, data.message)", async () => {
      const { database: _, ...configuration } = snowflake('bad', 'pw').configuration;
      const result = await gateway.createActor('destination', { ...snowflake('bad', 'pw'), configuration })();
      expect(result).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 422,
          detail:
            "POST /destinations was rejected by Airbyte (422): json schema validation failed when comparing the data to the json schema. Errors: $: required property 'database' not found",
        }),
      );
    });

    it('reads a deleted source by id as absent, though Airbyte answers it 200', async () => {
      const source = await ok(gateway.createActor('source', fileSource('orders-file')));
      await ok(gateway.deleteActor('source', source.id));
      const token = await fetchToken(sandbox, sandbox.credentials);
      expect((await call(sandbox, 'GET', `/sources/${source.id}`, undefined, { token })).status).to.equal(
        200,
      );
      expect(await ok(gateway.findActorById('source', source.id))).to.deep.equal(O.none);
      await ok(gateway.deleteActor('source', source.id));
    });

    it("reports a sync of an inactive connection as a conflict, with the server's message", async () => {
      const { spec } = await pipeline();
      const connection = await ok(gateway.createConnection({ ...spec, status: 'inactive' }));
      expect(await gateway.startSync(connection.id)()).to.deep.equal(
        E.left({
          _tag: 'AirbyteConflict',
          detail: 'POST /jobs conflicts with the state of Airbyte (409): Could not fulfill request',
        }),
      );
    });

    it('answers the pending job when a second sync is refused with try-again-later, and reads how it ended', async () => {
      const { spec } = await pipeline();
      const connection = await ok(gateway.createConnection(spec));
      sandbox.inject({ match: { method: 'POST', path: '/jobs' }, action: { type: 'job', ends: 'failed' } });
      const job = await ok(gateway.startSync(connection.id));
      expect(job.status).to.equal('pending');
      const again = await ok(gateway.startSync(connection.id));
      expect(again.id).to.equal(job.id);
      expect((await ok(gateway.getJob(job.id))).status).to.equal('failed');
    });

    it('never sends the mask back: PUT carries the secret itself, and a configuration holding the mask is not sent', async () => {
      const bodies: string[] = [];
      const watching = makeAirbytePublicApiGateway({
        baseUrl: sandbox.url,
        workspaceId: sandbox.workspaceId,
        auth: { type: 'clientCredentials', ...sandbox.credentials },
        sleep: () => Promise.resolve(),
        fetch: (input, init) => {
          if (typeof init?.body === 'string') bodies.push(init.body);
          return fetch(input, init);
        },
      });
      const destination = await ok(watching.createActor('destination', snowflake('warehouse', 'pw-1')));
      // what was read back holds the mask; the update is built from the spec, never from it
      expect(destination.configuration['credentials']).to.deep.include({ password: '**********' });
      await ok(watching.updateActor('destination', destination.id, snowflake('warehouse', 'pw-2')));
      expect(bodies.some((b) => b.includes('**********'))).to.equal(false);
      expect(bodies.filter((b) => b.includes('pw-2'))).to.have.length(1);
      const calls = sandbox.calls().length;
      const masked = await watching.updateActor(
        'destination',
        destination.id,
        snowflake('warehouse', '**********'),
      )();
      expect(masked).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 400,
          detail: `PUT /destinations/${destination.id} was not sent: configuration.credentials.password holds "**********", the mask Airbyte answers in place of a secret, which it would store as the secret; give the secret itself`,
        }),
      );
      expect(sandbox.calls()).to.have.length(calls);
      expect(bodies.some((b) => b.includes('**********'))).to.equal(false);
    });

    it('pages through lists whose every non-empty page links on, and lists GET /workspaces', async () => {
      for (let i = 0; i < 4; i += 1) await ok(gateway.createActor('source', fileSource(`s${i}`)));
      sandbox.clearCalls();
      expect(await ok(gateway.findActorsByName('source', 's3'))).to.have.length(1);
      // pages of 2: 2, 2, then an empty one
      expect(sandbox.calls().filter((c) => c.path === '/sources')).to.have.length(3);
      const token = await fetchToken(sandbox, sandbox.credentials);
      const workspaces = await call<{ data: Array<{ workspaceId: string }> }>(
        sandbox,
        'GET',
        '/workspaces',
        undefined,
        { token },
      );
      expect(workspaces.body.data.map((w) => w.workspaceId)).to.deep.equal([sandbox.workspaceId]);
    });
  });

  it('maps the sandbox errors and recovers from a revoked token', async () => {
    const rejected = await gateway.createActor('source', {
      name: 'no-type',
      connector: { _tag: 'DefinitionId', definitionId: '00000000-0000-4000-8000-000000000000' },
      configuration: {},
    })();
    expect(E.isLeft(rejected) && rejected.left._tag).to.equal('AirbyteNotFound');
    await ok(gateway.checkWorkspace());
    sandbox.revokeTokens();
    await ok(gateway.checkWorkspace());
  });

  it('walks the list once for lookups that ask at the same time', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await ok(gateway.createActor('source', fileSource(name)));
    await ok(gateway.checkWorkspace()); // the token is held: only list pages are counted below
    sandbox.clearCalls();
    const found = await Promise.all(
      ['a', 'c', 'e', 'missing'].map((name) => ok(gateway.findActorsByName('source', name))),
    );
    expect(found.map((actors) => actors.map((a) => a.name))).to.deep.equal([['a'], ['c'], ['e'], []]);
    // five sources, two per page: one walk of three pages instead of four walks
    expect(sandbox.calls().map((c) => `${c.method} ${c.path}`)).to.deep.equal(
      Array.from({ length: 3 }, () => 'GET /sources'),
    );
  });

  it('finds a source created while an earlier walk was on its way: a late lookup walks again', async () => {
    await ok(gateway.createActor('source', fileSource('first')));
    // the first walk reads the list now and answers late, after the create below has landed
    sandbox.inject({
      match: { method: 'GET', path: '/sources' },
      action: { type: 'delay', ms: 200 },
      when: 'after',
    });
    const early = gateway.findActorsByName('source', 'late')();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ok(gateway.createActor('source', fileSource('late')));
    const late = await ok(gateway.findActorsByName('source', 'late'));
    expect(late.map((a) => a.name)).to.deep.equal(['late']);
    expect(await early).to.deep.equal(E.right([]));
  });
});
