/**
 * Two replicas (two in-process services) on one PostgreSQL database, with the sandbox Airbyte behind them:
 * what one starts the other answers for, they never run one component twice at once, they refuse each
 * other's resources, and everything survives restarting both.
 */
import { expect } from 'chai';
import { replicaSuite, stopReplicas } from '../support/serve-child.js';
import { namesOf, requestOf } from '../reliability/descriptors.js';
import { LEGACY, pollStatus, send, tokenOf } from '../reliability/harness.js';

describe('replicas on one PostgreSQL database', function () {
  this.timeout(60_000);
  const { sandbox, replica } = replicaSuite();

  const ofKey = (key: string) => {
    const snapshot = sandbox().snapshot();
    const names = (list: ReadonlyArray<Readonly<Record<string, unknown>>>) =>
      list.map((r) => r['name']).filter((n) => typeof n === 'string' && n.includes(`vaccinations.${key}.`));
    return {
      sources: names(snapshot.sources),
      destinations: names(snapshot.destinations),
      connections: names(snapshot.connections),
    };
  };

  /** What `ofKey` finds when the component has its one source, destination and connection. */
  const oneOfEach = (key: string) => {
    const names = namesOf(key);
    return { sources: [names.source], destinations: [names.destination], connections: [names.connection] };
  };

  it('says where state is kept in /ready, and answers on one replica for a task started on the other', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const ready = await send(`${b.url}/ready`);
    expect(ready.status).to.equal(200);
    expect(ready.json).to.deep.include({ status: 'READY', airbyte: 'REACHABLE' });
    expect((ready.json as { state: string }).state).to.match(/^postgresql/);

    const submitted = await send(`${a.url}${LEGACY}/provision`, { body: requestOf({ key: 'across' }) });
    expect(submitted.status).to.equal(202);
    const done = await pollStatus(b.url, tokenOf(submitted), 15_000);
    expect(done.status).to.equal('COMPLETED');
    expect(ofKey('across')).to.deep.equal(oneOfEach('across'));
  });

  it('50 provisions of one component spread over two replicas create one source, one destination, one connection', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const body = requestOf({ key: 'contended' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(`${(i % 2 === 0 ? a : b).url}${LEGACY}/provision`, { body })),
    );
    expect(answers.map((x) => x.status)).to.deep.equal(answers.map(() => 202));
    // one poller at a time, each on the other replica: 50 pollers would measure the status route instead
    const outcomes = [];
    for (const [i, x] of answers.entries())
      outcomes.push(await pollStatus((i % 2 === 0 ? b : a).url, tokenOf(x), 45_000));
    expect(outcomes.filter((o) => o.status !== 'COMPLETED')).to.deep.equal([]);
    expect(ofKey('contended')).to.deep.equal(oneOfEach('contended'));
  });

  it('refuses on one replica a component whose names another component owns through the other', async () => {
    const [a, b] = await Promise.all([
      replica({ PROVISION_MODE: 'sync' }),
      replica({ PROVISION_MODE: 'sync' }),
    ]);
    const first = await send(`${a.url}${LEGACY}/provision`, { body: requestOf({ key: 'owned' }) });
    expect(first.status).to.equal(200);
    // the same names, under another component id
    const other = requestOf({ key: 'owned' }).replaceAll(
      ':airbyte-workload-owned',
      ':airbyte-workload-intruder',
    );
    const clash = await send(`${b.url}${LEGACY}/provision`, { body: other });
    expect(clash.status).to.equal(500);
    expect(clash.text).to.contain(`belongs to component`);
    expect(clash.text).to.contain(`airbyte-workload-owned`);
    expect(clash.text).to.contain(namesOf('owned').source);
    const removed = await send(`${b.url}${LEGACY}/unprovision`, { body: other });
    expect(removed.status).to.equal(200);
    expect(ofKey('owned').connections).to.deep.equal([namesOf('owned').connection]);
  });

  it('reads old tokens after both replicas restarted', async () => {
    const [a] = await Promise.all([replica(), replica()]);
    const submitted = await send(`${a.url}${LEGACY}/provision`, { body: requestOf({ key: 'restarted' }) });
    const token = tokenOf(submitted);
    expect((await pollStatus(a.url, token, 15_000)).status).to.equal('COMPLETED');
    await stopReplicas();
    const [c, d] = await Promise.all([replica(), replica()]);
    for (const service of [c, d]) {
      const status = await send(`${service.url}${LEGACY}/provision/${token}/status`);
      expect(status.status).to.equal(200);
      expect(status.json).to.have.property('status', 'COMPLETED');
    }
  });
});
