import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { ConnectorProfiles } from '../../src/domain/index.js';
import type { Lock, Logger } from '../../src/ports/index.js';
import type { ProvisioningRequest } from '../../src/requests/index.js';
import {
  FakeAccessGateway,
  makeTestDeps,
  recordingLogger,
  steppingTimer,
  type TestDeps,
} from '../../src/testing/index.js';
import { InMemoryAclLedger, stateUnavailable } from '../../src/index.js';
import { makeUseCases } from '../../src/use-cases/index.js';
import { REMOVE_DATA_NOTE } from '../../src/use-cases/validate-request.js';

const profiles: ConnectorProfiles = {
  sources: {},
  destinations: {
    snowflake: {
      enforced: {
        host: 'acme.snowflakecomputing.com',
        role: 'LOADER',
        warehouse: 'LOADING',
        username: 'AIRBYTE',
        credentials: { password: 'pl4tform-s3cret' },
      },
      defaults: {},
    },
  },
};

const descriptor = (datasetName = 'orders'): string => `
dataProduct:
  id: urn:dmb:dp:sales:orders:0
  name: Orders
  domain: sales
  environment: development
  version: 0.1.0
  components:
    - id: urn:dmb:cmp:sales:orders:0:ingestion
      name: Orders ingestion
      kind: workload
      specific:
        source:
          name: orders-file
          connectionConfiguration:
            url: https://example.com/orders.csv
            format: csv
            dataset_name: ${datasetName}
            provider:
              storage: HTTPS
              user_agent: false
        destination:
          name: orders-snowflake
          connectionConfiguration:
            database: SALES
            schema: ORDERS
        connection:
          name: orders-file-to-snowflake
componentIdToProvision: urn:dmb:cmp:sales:orders:0:ingestion
`;

const request = (text = descriptor()): ProvisioningRequest => ({
  descriptorKind: 'COMPONENT_DESCRIPTOR',
  descriptor: text,
});
const invalid: ProvisioningRequest = { descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: 'dataProduct: [' };

const setUp = (): { readonly deps: TestDeps; readonly useCases: ReturnType<typeof makeUseCases> } => {
  const made = makeTestDeps({ profiles, airbyteUiUrl: 'https://airbyte.example.com' });
  // a job the use cases wait for (removeData's clear) has succeeded by the first poll
  const deps = { ...made, timer: steppingTimer(made.clock, () => made.gateway.finishJob(1, 'succeeded')) };
  return { deps, useCases: makeUseCases(deps) };
};

describe('use cases over YAML descriptors', () => {
  it('validate: valid, or every problem', async () => {
    const { useCases } = setUp();
    expect(await useCases.validate(request())()).to.deep.equal({ valid: true });
    const outcome = await useCases.validate(invalid)();
    expect(outcome.valid).to.equal(false);
    expect(!outcome.valid && outcome.problems.length).to.be.greaterThan(0);
  });

  it('provision: deploys in at most 7 Airbyte calls, then redeploys with no write', async () => {
    const { deps, useCases } = setUp();
    const first = await useCases.provision(request())();
    expect(E.isRight(first) && first.right.message).to.equal(
      'Deployed Airbyte connection "orders-file-to-snowflake" (connection-3) from source "orders-file" to destination "orders-snowflake"',
    );
    expect(deps.gateway.counts().total).to.be.at.most(7);
    expect(deps.gateway.clearConfiguration('destination-2')).to.deep.include({ warehouse: 'LOADING' });
    expect(JSON.stringify(first)).not.to.contain('pl4tform-s3cret');
    deps.gateway.resetCalls();
    const again = await useCases.provision(request())();
    expect(E.isRight(again) && again.right.message).to.equal(
      'Airbyte connection "orders-file-to-snowflake" (connection-3) is up to date; nothing changed',
    );
    expect(deps.gateway.counts()).to.deep.include({ writes: 0 });
  });

  it('provision: an invalid request fails with InvalidRequest and touches nothing', async () => {
    const { deps, useCases } = setUp();
    const result = await useCases.provision(invalid)();
    expect(E.isLeft(result) && result.left.error._tag).to.equal('InvalidRequest');
    expect(deps.gateway.counts().total).to.equal(0);
  });

  it('plan: creates first, noops after a provision, updates what changed', async () => {
    const { useCases } = setUp();
    const before = await useCases.plan(request())();
    expect(E.isRight(before) && before.right.map((c) => c.action)).to.deep.equal([
      'create',
      'create',
      'create',
    ]);
    await useCases.provision(request())();
    const after = await useCases.plan(request())();
    expect(E.isRight(after) && after.right.map((c) => c.action)).to.deep.equal(['noop', 'noop', 'noop']);
    const changed = await useCases.plan(request(descriptor('orders_v2')))();
    expect(E.isRight(changed) && changed.right[0]).to.deep.equal({
      kind: 'source',
      name: 'orders-file',
      action: 'update',
      id: 'source-1',
      changedFields: ['configuration.dataset_name'],
      valueChanges: [{ path: 'configuration.dataset_name', old: 'orders', new: 'orders_v2' }],
    });
  });

  it('unprovision: removes everything, and succeeds when nothing is there', async () => {
    const { deps, useCases } = setUp();
    await useCases.provision(request())();
    expect(E.isRight(await useCases.unprovision(request())())).to.equal(true);
    expect(deps.gateway.listConnections()).to.deep.equal([]);
    expect(deps.gateway.listActors('source')).to.deep.equal([]);
    expect(E.isRight(await useCases.unprovision(request())())).to.equal(true);
  });

  it('unprovision with removeData clears the data first and says so; without it says nothing of it', async () => {
    const { useCases } = setUp();
    await useCases.provision(request())();
    const kept = await useCases.unprovision({ ...request(), removeData: true })();
    expect(
      E.isRight(kept) &&
        kept.right.logs.filter((l) => l.level === 'WARNING').map((l) => [l.message, l.phase]),
    ).to.deep.equal([[REMOVE_DATA_NOTE, 'validate']]);
    expect(E.isRight(kept) && kept.right.logs.map((l) => l.message)).to.include(
      'Cleared the data connection connection-3 synced (clear job 1 succeeded)',
    );
    await useCases.provision(request())();
    const plain = await useCases.unprovision(request())();
    expect(E.isRight(plain) && plain.right.logs.some((l) => l.message.includes('removeData'))).to.equal(
      false,
    );
  });

  it('submitProvision: a token at once, RUNNING, then COMPLETED; an invalid request fails at once', async () => {
    const { deps, useCases } = setUp();
    const token = await useCases.submitProvision(request())();
    expect(token).to.deep.equal(E.right('task-1'));
    expect(await useCases.getProvisioningStatus('task-1')()).to.deep.equal(E.right({ status: 'RUNNING' }));
    await useCases.background.drain();
    const view = await useCases.getProvisioningStatus('task-1')();
    expect(E.isRight(view) && view.right.status).to.equal('COMPLETED');
    const rejected = await useCases.submitProvision(invalid)();
    expect(E.isLeft(rejected) && rejected.left.error._tag).to.equal('InvalidRequest');
    expect(deps.provisioningTasks.size()).to.equal(1);
  });

  it('submitUnprovision: runs the undeploy in the background', async () => {
    const { deps, useCases } = setUp();
    await useCases.provision(request())();
    const token = await useCases.submitUnprovision(request())();
    await useCases.background.drain();
    const view = E.isRight(token) ? await useCases.getProvisioningStatus(token.right)() : E.left('no token');
    expect(E.isRight(view) && view.right.status).to.equal('COMPLETED');
    expect(deps.gateway.listConnections()).to.deep.equal([]);
  });

  it('submitValidation: the outcome follows under the token', async () => {
    const { useCases } = setUp();
    const token = await useCases.submitValidation(invalid)();
    await useCases.background.drain();
    const view = await useCases.getValidationStatus(token)();
    expect(E.isRight(view) && view.right.status === 'COMPLETED' && view.right.value.valid).to.equal(false);
    expect(await useCases.getValidationStatus('nope')()).to.deep.equal(
      E.left({ _tag: 'UnknownTask', token: 'nope' }),
    );
  });

  it('submitValidation: a task that cannot be registered still answers a token, logged with what to do', async () => {
    const { deps } = setUp();
    const failing = {
      ...deps,
      validationTasks: {
        ...deps.validationTasks,
        create: () => TE.left(stateUnavailable('connect ECONNREFUSED')),
      },
    };
    const useCases = makeUseCases(failing);
    const token = await useCases.submitValidation(invalid)();
    expect(await useCases.getValidationStatus(token)()).to.deep.equal(E.left({ _tag: 'UnknownTask', token }));
    expect(deps.logger.lines).to.deep.equal([
      {
        level: 'error',
        fields: { taskToken: token, error: 'StateUnavailable' },
        message:
          'could not register a validation task: its token reads as unknown, so the caller must send the validation again',
      },
    ]);
  });

  it("logs through the caller's logger when given one, on the gateway built for that logger", async () => {
    const { deps } = setUp();
    const scopedFor: Logger[] = [];
    const useCases = makeUseCases({
      ...deps,
      gatewayFor: (logger) => {
        scopedFor.push(logger);
        return deps.gateway;
      },
    });
    const callers = recordingLogger();
    const deployed = await useCases.provision(request(), { logger: callers })();
    expect(E.isRight(deployed)).to.equal(true);
    expect(callers.lines.map((l) => l.message)).to.include(E.isRight(deployed) ? deployed.right.message : '');
    expect(deps.logger.lines).to.deep.equal([]);
    expect(scopedFor).to.deep.equal([callers]);
    expect(deps.gateway.counts().writes).to.equal(3);
  });

  it('provision publishes its progress where the caller asks (a replica taking a task over)', async () => {
    const { useCases } = setUp();
    const published: string[] = [];
    const waiting = descriptor().replace(
      '          name: orders-file-to-snowflake\n',
      '          name: orders-file-to-snowflake\n          syncOnProvision: always\n          waitForSync: true\n',
    );
    const result = await useCases.provision(request(waiting), {
      publishProgress: (logs) =>
        TE.fromIO(() => {
          published.push(logs.at(-1)?.message ?? '');
        }),
    })();
    expect(E.isRight(result), JSON.stringify(result)).to.equal(true);
    expect(published).to.deep.equal([
      'Started sync job 1 (status running): https://airbyte.example.com/workspaces/workspace-1/connections/connection-3/job-history#1::0',
    ]);
  });

  it('updateAcl: accepts both shapes and says there is no access to grant', async () => {
    const { useCases } = setUp();
    const legacy = await useCases.updateAcl({
      acl: { users: ['user:alice'], groups: ['group:analysts'] },
      provisionInfo: { request: descriptor() },
    })();
    expect(E.isRight(legacy) && legacy.right.logs.map((l) => l.message)).to.deep.equal([
      'Airbyte workloads hold no data access to grant, and no Airbyte access is managed (AIRBYTE_ACL_MODE=off); nothing to do for user:alice, group:analysts',
    ]);
    const refs = await useCases.updateAcl({ refs: ['user:bob'], provisionInfo: { request: descriptor() } })();
    expect(E.isRight(refs) && refs.right.message).to.equal(
      'Access list accepted: Airbyte workloads hold no data access to grant',
    );
    const bad = await useCases.updateAcl({ refs: [], provisionInfo: { request: 'dataProduct: [' } })();
    expect(E.isLeft(bad) && bad.left.error._tag).to.equal('InvalidRequest');
  });

  it('updateAcl with workspace-role: grants the legacy acl users and groups, in the background on submit', async () => {
    const { deps } = setUp();
    const gateway = new FakeAccessGateway();
    const alice = gateway.addUser('alice@example.com');
    const analysts = gateway.addGroup('analysts');
    const useCases = makeUseCases({
      ...deps,
      access: { gateway, ledger: new InMemoryAclLedger(), organizationId: 'org-1', role: 'workspace_runner' },
    });
    const legacy = await useCases.updateAcl({
      acl: { users: ['alice_example.com'], groups: ['analysts'] },
      provisionInfo: { request: descriptor() },
    })();
    expect(E.isRight(legacy) && legacy.right.message).to.equal(
      'Access updated: 2 user(s) and group(s) hold workspace_runner on the Airbyte workspace through this component (2 granted, 0 revoked)',
    );
    const token = await useCases.submitUpdateAcl({
      refs: ['group:analysts'],
      provisionInfo: { request: descriptor() },
    })();
    if (E.isLeft(token)) throw new Error('expected a token');
    await deps.background.drain();
    const view = await useCases.getProvisioningStatus(token.right)();
    expect(E.isRight(view) && view.right.status).to.equal('COMPLETED');
    expect(gateway.permissions.map((p) => p.principal.id)).to.deep.equal([analysts.id]);
    expect(alice.id).to.not.equal(analysts.id);
  });

  it('updateAcl with workspace-role: a lock that cannot be taken (the database is out) is a FAILED answer, nothing granted', async () => {
    const { deps } = setUp();
    const gateway = new FakeAccessGateway();
    gateway.addUser('alice@example.com');
    const refusing: Lock = {
      withLock: (_key, _work, unavailable) =>
        TE.left(unavailable(stateUnavailable('the state store is out of reach'))),
    };
    const useCases = makeUseCases({
      ...deps,
      lock: refusing,
      access: { gateway, ledger: new InMemoryAclLedger(), organizationId: 'org-1', role: 'workspace_reader' },
    });
    const outcome = await useCases.updateAcl({
      refs: ['user:alice_example.com'],
      provisionInfo: { request: descriptor() },
    })();
    expect(E.isLeft(outcome) && outcome.left.error._tag).to.equal('StateUnavailable');
    expect(gateway.permissions).to.deep.equal([]);
  });
});
