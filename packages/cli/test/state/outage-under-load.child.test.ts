/**
 * The database stopped while several deploys are in flight on a `serve` process (each held mid-deploy by
 * the sandbox, on a source creation), then started again: requests during the outage get 503 SystemError
 * and `/ready` is 503; the deploys go on and their ends wait for the database; once it is back every token
 * ends COMPLETED or FAILED with a message saying why (none stuck RUNNING), nothing was created twice, and
 * sending the requests again converges on one source, destination and connection per component.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import {
  freshDatabase,
  startTestPostgres,
  type TestDatabase,
} from '@airbyte-provisioner/adapter-postgres/testing';
import {
  holdSourceCreations,
  killServeChildren,
  serveReplica,
  sourceCreationsInFlight,
  untilAnswers,
} from '../support/serve-child.js';
import { namesOf, requestOf } from '../reliability/descriptors.js';
import { LEGACY, pollStatus, send, sleep, tokenOf } from '../reliability/harness.js';

const KEYS = ['load-1', 'load-2', 'load-3', 'load-4'];

describe('the database stopped under concurrent load (a serve process)', function () {
  this.timeout(120_000);
  let sandbox: AirbyteSandbox;
  let postgres: Awaited<ReturnType<typeof startTestPostgres>>;
  let database: TestDatabase;

  before(async () => {
    [sandbox, postgres] = await Promise.all([
      startAirbyteSandbox({ host: '127.0.0.1', jobDurationMs: 10 }),
      startTestPostgres(),
    ]);
    database = await freshDatabase(postgres);
  });
  after(async () => {
    killServeChildren();
    await Promise.all([sandbox.close(), postgres.close()]);
  });

  it('answers 503 while it is down; then every token ends COMPLETED or FAILED, and nothing is doubled', async () => {
    const { child: running, base } = await serveReplica(sandbox, database, { LEASE_TTL_SECONDS: '2' });

    // every source creation hangs until released: the deploys are all mid-deploy when the database stops
    holdSourceCreations(sandbox, KEYS.length);
    const tokens = await Promise.all(
      KEYS.map(async (key) => {
        const submitted = await send(`${base}${LEGACY}/provision`, { body: requestOf({ key }) });
        expect(submitted.status, submitted.text).to.equal(202);
        return tokenOf(submitted);
      }),
    );
    await sourceCreationsInFlight(sandbox, KEYS.length);
    await postgres.stop();

    const refused = await send(`${base}${LEGACY}/provision`, { body: requestOf({ key: 'during' }) });
    expect(refused.status, refused.text).to.equal(503);
    expect(refused.json).to.have.keys('error', 'userMessage', 'moreInfo');
    expect((refused.json as { error: string }).error).to.match(/state store is unavailable/);
    const status = await send(`${base}${LEGACY}/provision/${tokens[0] ?? ''}/status`);
    expect(status.status, status.text).to.equal(503);
    expect(status.json).to.have.keys('error', 'userMessage', 'moreInfo');
    expect(status.text).to.not.contain(database.url);
    expect((await send(`${base}/ready`)).status).to.equal(503);

    // the deploys go on; each one's end cannot be written, and waits for the database: the log says so
    // once per task (on the first failed attempt only), naming it by its taskToken
    sandbox.releaseDelays();
    const waiting = (): string[] =>
      running
        .output()
        .split('\n')
        .flatMap((line) => {
          try {
            const entry = JSON.parse(line) as Record<string, unknown>;
            return entry['msg'] === 'the end of a task waits for the database: recorded once it answers'
              ? [String(entry['taskToken'])]
              : [];
          } catch {
            return []; // not a JSON log line (or one still being written)
          }
        });
    const expected = [...tokens].sort();
    while (!tokens.every((token) => waiting().includes(token))) await sleep(20);
    expect([...waiting()].sort()).to.deep.equal(expected);

    await postgres.start();
    await untilAnswers(`${base}/ready`, 200);
    for (const token of tokens) {
      const final = await pollStatus(base, token, 30_000);
      expect(final.status, JSON.stringify(final.body)).to.be.oneOf(['COMPLETED', 'FAILED']);
      // a deploy whose lease ran out was stopped before its next Airbyte call; one that got to its end
      // could not save its deployment record: either way it says so
      if (final.status === 'FAILED')
        expect(final.result).to.match(
          /the database cannot be reached \(save a deployment record\)|could not renew its lease/,
        );
    }
    // every end has been recorded by now, and none was announced as waiting twice
    expect([...waiting()].sort()).to.deep.equal(expected);
    // nothing created twice, whichever step each deploy was stopped at
    const once = (resources: ReadonlyArray<Readonly<Record<string, unknown>>>): void => {
      const names = resources.map((r) => String(r['name']));
      expect(names).to.deep.equal([...new Set(names)]);
    };
    const before = sandbox.snapshot();
    once(before.sources);
    once(before.destinations);
    once(before.connections);

    // sending the requests again converges: one of each per component
    const again = await Promise.all(
      KEYS.map(async (key) => {
        const submitted = await send(`${base}${LEGACY}/provision`, { body: requestOf({ key }) });
        expect(submitted.status, submitted.text).to.equal(202);
        return pollStatus(base, tokenOf(submitted), 30_000);
      }),
    );
    expect(
      again.map((a) => a.status),
      JSON.stringify(again),
    ).to.deep.equal(KEYS.map(() => 'COMPLETED'));
    const after = sandbox.snapshot();
    const sorted = (resources: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] =>
      resources.map((r) => String(r['name'])).sort();
    expect(sorted(after.sources)).to.deep.equal(KEYS.map((k) => namesOf(k).source).sort());
    expect(sorted(after.destinations)).to.deep.equal(KEYS.map((k) => namesOf(k).destination).sort());
    expect(sorted(after.connections)).to.deep.equal(KEYS.map((k) => namesOf(k).connection).sort());
  });
});
