import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { noConnectorProfiles } from '../../src/domain/index.js';
import { InMemoryTaskRepository } from '../../src/in-memory/index.js';
import { silentLogger } from '../../src/ports/index.js';
import {
  FakeAirbyteGateway,
  fakeFingerprinter,
  manualClock,
  recordingLogger,
  sequentialIds,
  witboostExampleDescriptor,
} from '../../src/testing/index.js';
import { createCoreDeps, makeUseCases } from '../../src/use-cases/index.js';

const required = () => {
  const gateway = new FakeAirbyteGateway();
  return {
    gateway,
    workspaceId: gateway.workspaceId,
    clock: manualClock(0),
    ids: sequentialIds(),
    fingerprinter: fakeFingerprinter,
  };
};

describe('createCoreDeps', () => {
  it('fills in silent, in-memory defaults and no profiles around what it is given', () => {
    const given = required();
    const deps = createCoreDeps(given);
    expect(deps.gateway).to.equal(given.gateway);
    expect(deps.gatewayFor(recordingLogger())).to.equal(given.gateway);
    expect(deps.logger).to.equal(silentLogger);
    expect(deps.profiles).to.equal(noConnectorProfiles);
    expect(deps.provisioningTasks).to.be.instanceOf(InMemoryTaskRepository);
    expect(deps.validationTasks).to.not.equal(deps.provisioningTasks);
    expect(deps.background.running()).to.equal(0);
  });

  it('keeps every override, and builds fresh stores for each call (no state shared between embedders)', async () => {
    const logger = recordingLogger();
    const a = createCoreDeps({ ...required(), logger, taskLimits: { ttlMs: 10, maxTasks: 1 } });
    const b = createCoreDeps(required());
    expect(a.logger).to.equal(logger);
    expect(a.lock).to.not.equal(b.lock);
    expect(a.deploymentRecords).to.not.equal(b.deploymentRecords);
    await a.provisioningTasks.create('t1')();
    await a.provisioningTasks.create('t2')();
    expect(await b.provisioningTasks.get('t1')()).to.deep.equal(E.left({ _tag: 'UnknownTask', token: 't1' }));
  });

  it('is enough to validate and provision through the use cases', async () => {
    const deps = createCoreDeps({
      ...required(),
      profiles: {
        sources: {},
        destinations: {
          snowflake: {
            enforced: {
              host: 'acme.snowflakecomputing.com',
              role: 'LOADER',
              warehouse: 'LOADING',
              username: 'AIRBYTE',
              credentials: { password: 's3cret' },
            },
            defaults: {},
          },
        },
      },
    });
    const useCases = makeUseCases(deps);
    const request = {
      descriptorKind: 'COMPONENT_DESCRIPTOR' as const,
      descriptor: witboostExampleDescriptor,
    };
    expect(await useCases.validate(request)()).to.deep.equal({ valid: true });
    const provisioned = await useCases.provision(request)();
    expect(E.isRight(provisioned) && provisioned.right.message).to.be.a('string');
    expect(deps.gateway instanceof FakeAirbyteGateway && deps.gateway.counts().writes).to.equal(3);
  });
});
