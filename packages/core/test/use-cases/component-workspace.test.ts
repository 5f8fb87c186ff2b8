/** Which workspace a component's operation works in, with plain fakes of the workspace ports. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { parseWorkspaceNameTemplate, type AirbyteWorkspace } from '../../src/domain/workspace.js';
import { airbyteUnauthorized, type AirbyteError } from '../../src/errors/airbyte-error.js';
import { InMemoryDeploymentRecordRepository } from '../../src/in-memory/in-memory-deployment-record-repository.js';
import { InMemoryLock } from '../../src/in-memory/in-memory-lock.js';
import { InMemoryWorkspaceOwnerRegistry } from '../../src/in-memory/in-memory-workspace-owner-registry.js';
import type { WorkspaceDirectory } from '../../src/ports/workspace-directory.port.js';
import { workspaceNameTaken } from '../../src/ports/workspace-owner-registry.port.js';
import { resolveWorkspace } from '../../src/use-cases/component-workspace.js';
import type { DataProductWorkspaces } from '../../src/use-cases/core-deps.js';
import { OperationJournal } from '../../src/use-cases/operation-journal.js';
import { manualClock } from '../../src/testing/clocks.js';
import { componentOf } from './component.js';

/** A directory over a list, counting creates; `refuse` makes every create fail with that error. */
const fakeDirectory = (initial: ReadonlyArray<AirbyteWorkspace> = [], refuse?: AirbyteError) => {
  const workspaces = [...initial];
  const creates: string[] = [];
  const directory: WorkspaceDirectory = {
    findByName: (name) => TE.right(workspaces.filter((w) => w.name === name)),
    findById: (id) => TE.right(O.fromNullable(workspaces.find((w) => w.id === id))),
    create: (name) => {
      if (refuse !== undefined) return TE.left(refuse);
      creates.push(name);
      const created = { id: `ws-${workspaces.length + 1}`, name };
      workspaces.push(created);
      return TE.right(created);
    },
    holdsAnything: () => TE.right(false),
    remove: () => TE.right(undefined),
  };
  return { directory, creates };
};

const template = (text = '{domain}.{dataProductName}.{majorVersion}') => {
  const parsed = parseWorkspaceNameTemplate(text);
  if (E.isLeft(parsed)) throw new Error(parsed.left);
  return parsed.right;
};

const component = {
  ...componentOf(),
  dataProduct: { id: 'urn:dp:sales:orders', name: 'orders', domain: 'sales', version: '2.1.0' },
};

const setup = (directory: WorkspaceDirectory) => {
  const owners = new InMemoryWorkspaceOwnerRegistry();
  const records = new InMemoryDeploymentRecordRepository();
  const workspaces: DataProductWorkspaces = {
    template: template(),
    directory,
    owners,
    gatewayIn: () => {
      throw new Error('not used by the resolution');
    },
  };
  const deps = { lock: new InMemoryLock(), deploymentRecords: records, workspaces };
  const journal = new OperationJournal(manualClock(), 'shared-ws');
  return { deps, owners, records, journal };
};

describe('resolveWorkspace', () => {
  it('is the shared workspace without per-data-product settings', async () => {
    const { deps, journal } = setup(fakeDirectory().directory);
    const { workspaces: _, ...shared } = deps;
    expect(await resolveWorkspace(shared, journal, component, 'create')()).to.deep.equal(
      E.right({ _tag: 'Shared' }),
    );
  });

  it('creates the missing workspace once, records its owner, and finds it the next time', async () => {
    const fake = fakeDirectory();
    const { deps, owners, journal } = setup(fake.directory);
    expect(await resolveWorkspace(deps, journal, component, 'create')()).to.deep.equal(
      E.right({ _tag: 'Found', workspace: { id: 'ws-1', name: 'sales.orders.2' }, created: true }),
    );
    expect(await resolveWorkspace(deps, journal, component, 'create')()).to.deep.equal(
      E.right({ _tag: 'Found', workspace: { id: 'ws-1', name: 'sales.orders.2' }, created: false }),
    );
    expect(fake.creates).to.deep.equal(['sales.orders.2']);
    expect(await owners.ownerOf('sales.orders.2')()).to.deep.equal(
      E.right(O.some({ dataProductId: 'urn:dp:sales:orders', workspaceId: 'ws-1' })),
    );
  });

  it('only looks up for a dry run or an unprovision: a missing workspace is reported, never created', async () => {
    const fake = fakeDirectory();
    const { deps, owners, journal } = setup(fake.directory);
    expect(await resolveWorkspace(deps, journal, component, 'lookup')()).to.deep.equal(
      E.right({ _tag: 'Missing', name: 'sales.orders.2' }),
    );
    expect(fake.creates).to.deep.equal([]);
    expect(await owners.ownerOf('sales.orders.2')()).to.deep.equal(E.right(O.none));
  });

  it('creates one workspace for concurrent first operations of one data product', async () => {
    const fake = fakeDirectory();
    const { deps, journal } = setup(fake.directory);
    const all = await Promise.all(
      [1, 2, 3].map(() => resolveWorkspace(deps, journal, component, 'create')()),
    );
    expect(all.map((r) => E.isRight(r) && r.right._tag)).to.deep.equal(['Found', 'Found', 'Found']);
    expect(fake.creates).to.deep.equal(['sales.orders.2']);
  });

  it('refuses a name another data product owns, naming both, before any Airbyte call', async () => {
    const fake = fakeDirectory();
    const { deps, owners, journal } = setup(fake.directory);
    const owner = { dataProductId: 'urn:dp:other:orders', workspaceId: 'ws-9' };
    await owners.claim('sales.orders.2', owner)();
    expect(await resolveWorkspace(deps, journal, component, 'create')()).to.deep.equal(
      E.left(workspaceNameTaken('sales.orders.2', 'urn:dp:sales:orders', owner)),
    );
    expect(fake.creates).to.deep.equal([]);
  });

  it('refuses to pick one of two workspaces with the name', async () => {
    const twins = [
      { id: 'a', name: 'sales.orders.2' },
      { id: 'b', name: 'sales.orders.2' },
    ];
    const { deps, journal } = setup(fakeDirectory(twins).directory);
    const result = await resolveWorkspace(deps, journal, component, 'create')();
    expect(E.isLeft(result) && result.left).to.deep.include({ _tag: 'StateConflict', ids: ['a', 'b'] });
  });

  it('names the descriptor field the template needs', async () => {
    const { deps, journal } = setup(fakeDirectory().directory);
    const result = await resolveWorkspace(
      deps,
      journal,
      { ...component, dataProduct: { id: 'urn:dp:x', name: 'x', version: '1.0.0' } },
      'create',
    )();
    expect(result).to.deep.equal(
      E.left({
        _tag: 'InvalidRequest',
        problems: [
          {
            path: 'dataProduct.domain',
            message: 'the workspace name template needs {domain}: give the data product one',
          },
        ],
      }),
    );
  });

  it('uses the recorded workspace first, whatever the template says now', async () => {
    const { deps, records, journal } = setup(fakeDirectory([{ id: 'ws-old', name: 'old-name' }]).directory);
    await records.put(component.componentId, { workspaceId: 'ws-old', workspaceName: 'old-name' })();
    expect(await resolveWorkspace(deps, journal, component, 'create')()).to.deep.equal(
      E.right({ _tag: 'Recorded', id: 'ws-old', name: 'old-name' }),
    );
  });

  it('fails on a refused create, recording no owner', async () => {
    const refusal = airbyteUnauthorized(403, 'not an organization editor');
    const { deps, owners, journal } = setup(fakeDirectory([], refusal).directory);
    expect(await resolveWorkspace(deps, journal, component, 'create')()).to.deep.equal(
      E.left({ _tag: 'AirbyteFailure', step: 'create workspace "sales.orders.2"', error: refusal }),
    );
    expect(await owners.ownerOf('sales.orders.2')()).to.deep.equal(E.right(O.none));
    expect(journal.logs).to.deep.equal([]);
  });
});
