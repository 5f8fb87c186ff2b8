/**
 * The workspace directory and the gateway scoped to a workspace, against the sandbox over a real socket:
 * lookups by exact name across pages, creation in the organization, emptiness, deletion.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { WorkspaceDirectory } from '@airbyte-provisioner/core';
import { makeAirbytePublicApiGateway, makeAirbyteWorkspaceDirectory } from '../../src/index.js';
import { startAirbyteSandbox, type AirbyteSandbox } from '../../src/sandbox/index.js';

const ok = async <A>(te: TaskEither<unknown, A>): Promise<A> => {
  const result = await te();
  if (E.isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

describe('AirbyteWorkspaceDirectory against the sandbox', () => {
  let sandbox: AirbyteSandbox;
  let directory: WorkspaceDirectory;
  const options = () => ({
    baseUrl: sandbox.url,
    auth: { type: 'clientCredentials' as const, ...sandbox.credentials },
    pageSize: 2,
    retry: { maxAttempts: 1 },
  });

  beforeEach(async () => {
    sandbox = await startAirbyteSandbox();
    directory = makeAirbyteWorkspaceDirectory(options());
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('creates in the organization, then finds by exact name across pages (every match, names not unique)', async () => {
    const created = await ok(directory.create('finance.orders.1', sandbox.organizationId));
    for (const name of ['a', 'b', 'finance.orders.10', 'c']) await ok(directory.create(name, undefined));
    const twin = await ok(directory.create('finance.orders.1', undefined));
    expect(await ok(directory.findByName('finance.orders.1'))).to.deep.equal([created, twin]);
    expect(await ok(directory.findByName('finance.orders'))).to.deep.equal([]);
    expect(await ok(directory.findById(created.id))).to.deep.equal(O.some(created));
    expect(await ok(directory.findById('00000000-0000-4000-8000-000000000000'))).to.deep.equal(O.none);
  });

  it('tells whether a workspace holds anything, and deletes it (an absent one too)', async () => {
    const workspace = await ok(directory.create('finance.orders.1', undefined));
    expect(await ok(directory.holdsAnything(workspace.id))).to.equal(false);
    const scoped = makeAirbytePublicApiGateway({
      ...options(),
      workspaceId: sandbox.workspaceId,
    }).forWorkspace(workspace.id);
    const source = await ok(
      scoped.createActor('source', {
        name: 'orders-file',
        connector: { _tag: 'ConnectorType', connectorType: 'file' },
        configuration: {
          dataset_name: 'orders',
          format: 'csv',
          url: 'https://example.com/orders.csv',
          provider: { storage: 'HTTPS', user_agent: false },
        },
      }),
    );
    expect(sandbox.snapshot().sources.map((s) => s['workspaceId'])).to.deep.equal([workspace.id]);
    expect(await ok(directory.holdsAnything(workspace.id))).to.equal(true);
    await ok(scoped.deleteActor('source', source.id));
    expect(await ok(directory.holdsAnything(workspace.id))).to.equal(false);
    await ok(directory.remove(workspace.id));
    await ok(directory.remove(workspace.id));
    expect(await ok(directory.findByName('finance.orders.1'))).to.deep.equal([]);
  });

  it('tells a workspace holds something from one item of one list, not by reading every page', async () => {
    const workspace = await ok(directory.create('finance.orders.1', undefined));
    const scoped = makeAirbytePublicApiGateway({
      ...options(),
      workspaceId: sandbox.workspaceId,
    }).forWorkspace(workspace.id);
    for (const name of ['a', 'b', 'c'])
      await ok(
        scoped.createActor('source', {
          name,
          connector: { _tag: 'ConnectorType', connectorType: 'file' },
          configuration: {
            dataset_name: name,
            format: 'csv',
            url: 'https://example.com/orders.csv',
            provider: { storage: 'HTTPS', user_agent: false },
          },
        }),
      );
    sandbox.clearCalls();
    expect(await ok(directory.holdsAnything(workspace.id))).to.equal(true);
    const lists = sandbox
      .calls()
      .filter((c) => c.method === 'GET')
      .map((c) => [c.path, c.query['limit'], c.query['offset']]);
    expect(lists).to.deep.equal([
      ['/connections', '1', undefined],
      ['/sources', '1', undefined],
    ]);
  });

  it('answers a refused create as an error the core can name (403)', async () => {
    const refused = await directory.create('x', '11111111-1111-4111-8111-111111111111')();
    expect(E.isLeft(refused) && refused.left._tag).to.equal('AirbyteUnauthorized');
  });
});
