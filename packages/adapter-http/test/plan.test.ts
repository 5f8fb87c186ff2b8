import { airbyteFailure, airbyteUnavailable, type PlannedChange } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import { failingUseCases } from './support/fake-use-cases.js';
import { secrets, startHarness, type Harness } from './support/harness.js';
import { bodyOf, exampleRequest } from './support/requests.js';

interface PlanBody {
  readonly changesPending: boolean;
  readonly changes: ReadonlyArray<PlannedChange>;
}

describe('POST /v1/plan (dry run)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ provisionMode: 'sync' });
  });
  after(() => h.close());

  it('answers the plan with its values, secrets named only, and writes nothing to Airbyte', async () => {
    const answer = await h.call('POST', '/v1/plan', exampleRequest());
    expect(answer.status, answer.text).to.equal(200);
    const plan = bodyOf<PlanBody>(answer);
    expect(plan.changesPending).to.equal(true);
    expect(plan.changes.map((c) => `${c.action} ${c.kind}`)).to.deep.equal([
      'create source',
      'create destination',
      'create connection',
    ]);
    expect(plan.changes[1]!.values).to.deep.include({
      path: 'configuration.credentials.password',
      secret: true,
    });
    for (const secret of secrets) expect(answer.text).to.not.include(secret);
    expect(h.deps.gateway.counts().writes).to.equal(0);
  });

  it('answers noops once provisioned, and old → new for a changed value', async () => {
    expect((await h.call('POST', '/v1/provision', exampleRequest())).status).to.equal(200);
    const same = bodyOf<PlanBody>(await h.call('POST', '/v1/plan', exampleRequest()));
    expect(same.changesPending).to.equal(false);
    expect(same.changes.map((c) => c.action)).to.deep.equal(['noop', 'noop', 'noop']);
    const { descriptor } = exampleRequest();
    const changed = descriptor.replace(/dataset_name: (\S+)/, 'dataset_name: renamed_dataset');
    expect(changed).to.not.equal(descriptor);
    const plan = bodyOf<PlanBody>(await h.call('POST', '/v1/plan', exampleRequest({ descriptor: changed })));
    expect(plan.changes[0]).to.deep.include({ action: 'update' });
    expect(plan.changes[0]!.valueChanges).to.deep.include({
      path: 'configuration.dataset_name',
      old: /dataset_name: (\S+)/.exec(descriptor)![1],
      new: 'renamed_dataset',
    });
  });

  it('answers 400 naming the field for an invalid descriptor', async () => {
    const answer = await h.call(
      'POST',
      '/v1/plan',
      exampleRequest({ descriptor: 'dataProduct: {}\ncomponentIdToProvision: 7' }),
    );
    expect(answer.status).to.equal(400);
    expect(bodyOf<{ errors: string[] }>(answer).errors).to.not.be.empty;
  });

  it('keeps the path of a descriptor problem and adds where it is in the descriptor', async () => {
    const { descriptor } = exampleRequest();
    const broken = descriptor.replace(
      '          name: healthcare.vaccinations.0.File-to-Snowflake',
      '          name: healthcare.vaccinations.0.File-to-Snowflake\n          status: paused',
    );
    expect(broken).to.not.equal(descriptor);
    const line = broken.split('\n').findIndex((l) => l.includes('status: paused')) + 1;
    for (const path of ['/v1/plan', '/v1/validate']) {
      const answer = await h.call('POST', path, exampleRequest({ descriptor: broken }));
      const errors =
        path === '/v1/plan'
          ? bodyOf<{ errors: string[] }>(answer).errors
          : bodyOf<{ error: { errors: string[] } }>(answer).error.errors;
      expect(errors, path).to.include(
        `dataProduct.components[0].specific.connection.status: must be one of "active", "inactive", got "paused" (descriptor line ${line}, column 19)`,
      );
    }
  });

  it('answers 500 when Airbyte fails', async () => {
    const failing = await startHarness({
      useCases: failingUseCases(airbyteFailure('find source "s"', airbyteUnavailable('connection refused'))),
    });
    try {
      const answer = await failing.call('POST', '/v1/plan', exampleRequest());
      expect(answer.status).to.equal(500);
      expect(answer.text).to.include('connection refused');
    } finally {
      await failing.close();
    }
  });
});
