import { expect } from 'chai';
import { sampleResult, statusUseCases } from './support/fake-use-cases.js';
import { secrets, startHarness, type Harness } from './support/harness.js';
import {
  aliasBomb,
  bodyOf,
  exampleRequest,
  families,
  legacy,
  tokenOf,
  waitForStatus,
} from './support/requests.js';

interface Status {
  status: string;
  result: string;
  info?: { publicInfo: Record<string, unknown>; privateInfo: { airbyte?: { connectionId?: string } } };
  logs?: Array<{ message: string; level: string }>;
}

describe('provision and unprovision, async mode (the default)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  for (const { name, prefix, tokenType } of families) {
    it(`${name}: 202 with the token as ${tokenType}, then COMPLETED with result, info and logs; unprovision removes it`, async () => {
      const accepted = await h.call('POST', `${prefix}/provision`, exampleRequest());
      expect(accepted.headers.get('content-type')).to.match(new RegExp(`^${tokenType}`));
      const done = bodyOf<Status>(await waitForStatus(h, `${prefix}/provision/${tokenOf(accepted)}/status`));
      expect(done.status).to.equal('COMPLETED');
      expect(done.result).to.be.a('string').and.not.empty;
      expect(done.info?.privateInfo.airbyte?.connectionId).to.be.a('string');
      expect(done.logs).to.not.be.empty;
      expect(h.deps.gateway.listConnections()).to.have.length(1);

      const removal = await h.call('POST', `${prefix}/unprovision`, exampleRequest());
      const removed = bodyOf<Status>(
        await waitForStatus(h, `${prefix}/provision/${tokenOf(removal)}/status`),
      );
      expect(removed.status).to.equal('COMPLETED');
      expect(h.deps.gateway.listConnections()).to.have.length(0);
    });

    it(`${name}: an unknown token is a 400 that says so and that the deploy can safely be sent again`, async () => {
      const answer = await h.call('GET', `${prefix}/provision/never-issued/status`);
      expect(answer.status).to.equal(400);
      const body = bodyOf<{ userMessage: string; moreInfo: { solutions: string[] } }>(answer);
      expect(body.userMessage).to.match(/never-issued is unknown or expired/);
      expect(body.moreInfo.solutions.join(' ')).to.match(/again.*safe/);
    });

    it(`${name}: an invalid descriptor is a 400 at once, with the dot path of the first problem`, async () => {
      h.deps.gateway.resetCalls();
      const answer = await h.call(
        'POST',
        `${prefix}/provision`,
        exampleRequest({ descriptor: 'dataProduct: {}\ncomponentIdToProvision: 7' }),
      );
      expect(answer.status).to.equal(400);
      const body = bodyOf<{ inputErrorField: string; errors: string[]; moreInfo: { problems: string[] } }>(
        answer,
      );
      expect(body.inputErrorField).to.be.a('string').and.not.empty;
      expect(body.errors[0]).to.match(new RegExp(`^${body.inputErrorField.replace(/[.[\]]/g, '\\$&')}: `));
      expect(body.moreInfo.problems).to.deep.equal(body.errors);
      expect(h.deps.gateway.counts().writes).to.equal(0);
    });
  }

  it('legacy: the 202 body is a JSON string, and a client that keeps its quotes still reaches the status', async () => {
    const accepted = await h.call('POST', `${legacy}/provision`, exampleRequest());
    expect(accepted.text).to.match(/^"[\w-]+"$/);
    const done = await waitForStatus(h, `${legacy}/provision/${accepted.text}/status`);
    expect(bodyOf<Status>(done).status).to.equal('COMPLETED');
    const removal = await h.call('POST', `${legacy}/unprovision`, exampleRequest());
    await waitForStatus(h, `${legacy}/provision/${removal.text}/status`);
    expect(h.deps.gateway.listConnections()).to.have.length(0);
  });

  it('an alias bomb in the descriptor is refused at once with 400', async () => {
    const answer = await h.call('POST', '/v1/provision', exampleRequest({ descriptor: aliasBomb }));
    expect(answer.status).to.equal(400);
  });

  it('a task that failed in Airbyte is FAILED, with what failed, what to do, and the logs', async () => {
    h.deps.gateway.failNext('createActor', { _tag: 'AirbyteUnavailable', detail: 'connection reset' });
    const accepted = await h.call('POST', '/v1/provision', exampleRequest());
    const done = bodyOf<Status>(await waitForStatus(h, `/v1/provision/${tokenOf(accepted)}/status`));
    expect(done.status).to.equal('FAILED');
    expect(done.result).to.match(/failed: Airbyte unavailable: connection reset/);
    expect(done.result).to.match(/safely be sent again/);
    expect(done.logs).to.be.an('array');
    for (const secret of secrets) expect(JSON.stringify(done)).to.not.include(secret);
  });

  it('counts accepted operations, and each finished task once however often it is polled', async () => {
    const token = tokenOf(await h.call('POST', '/v1/provision', exampleRequest()));
    await waitForStatus(h, `/v1/provision/${token}/status`);
    await h.call('GET', `/v1/provision/${token}/status`);
    const metrics = await h.metrics.registry.getSingleMetricAsString('provisioner_operations_total');
    expect(metrics).to.match(/operation="provision",status="ACCEPTED"\} [1-9]/);
    expect(metrics).to.match(/operation="provision",status="COMPLETED"\} [1-9]/);
    expect(metrics).to.not.include('operation="background"');
    const finished = (await h.metrics.registry.getMetricsAsJSON())
      .find((m) => m.name === 'provisioner_operations_total')
      // counted under the operation the token was handed out for
      ?.values.filter((v) => v.labels['status'] === 'COMPLETED' || v.labels['status'] === 'FAILED')
      .reduce((sum, v) => sum + v.value, 0);
    const accepted = (await h.metrics.registry.getMetricsAsJSON())
      .find((m) => m.name === 'provisioner_operations_total')
      ?.values.filter((v) => v.labels['status'] === 'ACCEPTED')
      .reduce((sum, v) => sum + v.value, 0);
    expect(finished).to.equal(accepted);
  });
});

describe('provisioning status while a task runs', () => {
  for (const { name, prefix } of families) {
    it(`${name}: RUNNING carries a result, as the 2.2.0 ProvisioningStatus requires`, async () => {
      const h = await startHarness({
        useCases: statusUseCases({ status: 'RUNNING' }, { status: 'COMPLETED', value: { valid: true } }),
      });
      try {
        const answer = await h.call('GET', `${prefix}/provision/t/status`);
        expect(answer.status).to.equal(200);
        expect(bodyOf<Status>(answer).status).to.equal('RUNNING');
        expect(bodyOf<Status>(answer).result).to.be.a('string');
        const done = await startHarness({
          useCases: statusUseCases({ status: 'COMPLETED', value: sampleResult }, { status: 'RUNNING' }),
        });
        const completed = await done.call('GET', `${prefix}/provision/t/status`);
        await done.close();
        expect(completed.body).to.deep.equal({ status: 'COMPLETED', ...sampleResultBody });
      } finally {
        await h.close();
      }
    });
  }
});

const sampleResultBody = { result: sampleResult.message, info: sampleResult.info, logs: sampleResult.logs };
