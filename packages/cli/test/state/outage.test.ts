/**
 * The database stopped under a running replica, and a replica started while it is down: not ready, 503
 * SystemError for what needs the store, and back to work when the database returns, without a restart.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { freshDatabase, startTestPostgres } from '@airbyte-provisioner/adapter-postgres/testing';
import { startReplica, stopReplicas, untilAnswers } from '../support/serve-child.js';
import { requestOf } from '../reliability/descriptors.js';
import { LEGACY, pollStatus, send, tokenOf } from '../reliability/harness.js';

describe('the database down', function () {
  this.timeout(60_000);
  let sandbox: AirbyteSandbox;
  let server: Awaited<ReturnType<typeof startTestPostgres>>;
  before(async () => {
    [sandbox, server] = await Promise.all([startAirbyteSandbox({ jobDurationMs: 10 }), startTestPostgres()]);
  });
  after(async () => {
    await Promise.all([sandbox.close(), server.close()]);
  });

  const serviceOn = (database: { readonly url: string }) =>
    startReplica(sandbox, database, { SHUTDOWN_GRACE_MS: '1000' });

  it('answers 503 SystemError while it is down, is not ready, and works again when it is back', async () => {
    const database = await freshDatabase(server);
    const service = await serviceOn(database);
    try {
      const submitted = await send(`${service.url}${LEGACY}/provision`, {
        body: requestOf({ key: 'outage' }),
      });
      const token = tokenOf(submitted);
      expect((await pollStatus(service.url, token, 15_000)).status).to.equal('COMPLETED');

      await server.stop();
      const status = await send(`${service.url}${LEGACY}/provision/${token}/status`);
      expect(status.status).to.equal(503);
      expect(status.json).to.have.keys('error', 'userMessage', 'moreInfo');
      expect((status.json as { error: string }).error).to.match(/state store is unavailable/);
      expect(status.text).to.not.contain(database.url);
      const provision = await send(`${service.url}${LEGACY}/provision`, {
        body: requestOf({ key: 'outage-2' }),
      });
      expect(provision.status).to.equal(503);
      const ready = await send(`${service.url}/ready`);
      expect(ready.status).to.equal(503);
      expect(ready.json).to.include({ status: 'NOT_READY' });

      await server.start();
      await untilAnswers(`${service.url}/ready`, 200);
      const again = await send(`${service.url}${LEGACY}/provision/${token}/status`);
      expect(again.status).to.equal(200);
      expect(again.json).to.have.property('status', 'COMPLETED');
    } finally {
      await stopReplicas();
      await database.drop();
    }
  });

  it('starts while it is down, not ready, then migrates and becomes ready once it is up', async () => {
    const database = await freshDatabase(server);
    await server.stop();
    const service = await serviceOn(database);
    try {
      const ready = await send(`${service.url}/ready`);
      expect(ready.status).to.equal(503);
      expect((ready.json as { reason: string }).reason).to.match(/cannot be reached to apply migrations/);
      expect(ready.json).to.include({ airbyte: 'REACHABLE' });
      await server.start();
      const body = await untilAnswers(`${service.url}/ready`, 200);
      expect(body).to.include({ status: 'READY' });
      const submitted = await send(`${service.url}${LEGACY}/provision`, {
        body: requestOf({ key: 'late-db' }),
      });
      expect((await pollStatus(service.url, tokenOf(submitted), 15_000)).status).to.equal('COMPLETED');
    } finally {
      await stopReplicas();
      await database.drop();
    }
  });
});
