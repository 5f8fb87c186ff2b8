import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { airbyteUnauthorized, unknownTask, unsupported } from '../../src/errors/index.js';
import { makeTestDeps } from '../../src/testing/index.js';
import {
  makeCheckReady,
  makeGetProvisioningStatus,
  makeGetValidationStatus,
} from '../../src/use-cases/index.js';

describe('status and readiness', () => {
  it('reports a running, a completed and a failed task, and an unknown token as UnknownTask', async () => {
    const deps = makeTestDeps();
    const status = makeGetProvisioningStatus(deps);
    await deps.provisioningTasks.create('t1')();
    expect(await status('t1')()).to.deep.equal(E.right({ status: 'RUNNING' }));
    const result = { message: 'ok', info: { publicInfo: {}, privateInfo: {} }, logs: [] };
    await deps.provisioningTasks.complete('t1', result)();
    expect(await status('t1')()).to.deep.equal(E.right({ status: 'COMPLETED', value: result }));
    await deps.provisioningTasks.create('t2')();
    const failure = { error: unsupported('no'), logs: [] };
    await deps.provisioningTasks.fail('t2', failure)();
    expect(await status('t2')()).to.deep.equal(E.right({ status: 'FAILED', failure }));
    expect(await status('nope')()).to.deep.equal(E.left(unknownTask('nope')));
  });

  it('reports validation tasks apart from provisioning tasks', async () => {
    const deps = makeTestDeps();
    await deps.provisioningTasks.create('t1')();
    expect(await makeGetValidationStatus(deps)('t1')()).to.deep.equal(E.left(unknownTask('t1')));
  });

  it('is ready when Airbyte accepts us, and says which step failed when not', async () => {
    const deps = makeTestDeps();
    expect(await makeCheckReady(deps)()()).to.deep.equal(E.right(undefined));
    deps.gateway.failNext('checkWorkspace', airbyteUnauthorized(401, 'bad token'));
    expect(await makeCheckReady(deps)()()).to.deep.equal(
      E.left({
        _tag: 'AirbyteFailure',
        step: 'check the Airbyte workspace',
        error: airbyteUnauthorized(401, 'bad token'),
      }),
    );
  });
});
