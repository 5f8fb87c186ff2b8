import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { airbyte, CONN_ID, DEST_ID, harness, PREFIX, run, setUpNock, SOURCE_ID } from './fixtures.js';

const job = (jobId: number, status: string, extra: Record<string, unknown> = {}) => ({
  jobId,
  status,
  jobType: 'sync',
  startTime: '2026-11-28T12:00:00Z',
  connectionId: CONN_ID,
  ...extra,
});

const activeQuery = (status: string) => ({
  connectionId: CONN_ID,
  jobType: 'sync',
  status,
  limit: '100',
  offset: '0',
});

describe('AirbytePublicApiGateway discovery and syncs', () => {
  setUpNock();

  describe('discoverStreams', () => {
    it('asks for the streams of a source and destination pair', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/streams`)
        .query({ sourceId: SOURCE_ID, destinationId: DEST_ID })
        .reply(200, [
          {
            streamName: 'orders',
            syncModes: ['full_refresh_overwrite', 'incremental_append', 'some_future_mode'],
            defaultCursorField: ['updated_at'],
            sourceDefinedCursorField: true,
            sourceDefinedPrimaryKey: [['id']],
            propertyFields: [['id'], ['updated_at']],
          },
          {
            streamName: 'customers',
            syncModes: ['full_refresh_append'],
            defaultCursorField: [],
            sourceDefinedPrimaryKey: [],
          },
        ]);
      expect(await run(gateway.discoverStreams(SOURCE_ID, DEST_ID))).to.deep.equal(
        E.right([
          {
            name: 'orders',
            syncModes: ['full_refresh_overwrite', 'incremental_append'],
            defaultCursorField: ['updated_at'],
            sourceDefinedPrimaryKey: [['id']],
          },
          { name: 'customers', syncModes: ['full_refresh_append'] },
        ]),
      );
    });

    it('reads null syncModes (what Airbyte answers without a destination) as none', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/streams`)
        .query({ sourceId: SOURCE_ID, destinationId: DEST_ID })
        .reply(200, [{ streamName: 'orders', syncModes: null, defaultCursorField: [] }]);
      expect(await run(gateway.discoverStreams(SOURCE_ID, DEST_ID))).to.deep.equal(
        E.right([{ name: 'orders', syncModes: [] }]),
      );
    });

    it('reports a stream without a name as a bad answer', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/streams`)
        .query({ sourceId: SOURCE_ID, destinationId: DEST_ID })
        .reply(200, [{ syncModes: [] }]);
      const result = await run(gateway.discoverStreams(SOURCE_ID, DEST_ID));
      expect(result).to.deep.equal(
        E.left({
          _tag: 'AirbyteBadResponse',
          detail: 'GET /streams: unexpected answer from Airbyte: [0].streamName: is required (string)',
        }),
      );
    });
  });

  describe('startSync', () => {
    it('posts a sync job for the connection', async () => {
      const { gateway } = harness();
      airbyte()
        .post(`${PREFIX}/jobs`, { connectionId: CONN_ID, jobType: 'sync' })
        .reply(200, { jobId: 1234, status: 'running', jobType: 'sync' });
      expect(await run(gateway.startSync(CONN_ID))).to.deep.equal(
        E.right({ id: 1234, connectionId: CONN_ID, status: 'running' }),
      );
    });

    it('answers the job already running when Airbyte says 409', async () => {
      const { gateway } = harness();
      airbyte()
        .post(`${PREFIX}/jobs`, { connectionId: CONN_ID, jobType: 'sync' })
        .reply(409, { title: 'conflict', detail: 'A sync is already running for this connection' });
      airbyte()
        .get(`${PREFIX}/jobs`)
        .query(activeQuery('running'))
        .reply(200, {
          data: [job(7, 'running'), job(9, 'running')],
          next: 'http://internal/jobs?offset=100',
        });
      expect(await run(gateway.startSync(CONN_ID))).to.deep.equal(
        E.right({ id: 9, connectionId: CONN_ID, status: 'running' }),
      );
    });

    it('looks for a pending, queued or incomplete job when none is running', async () => {
      const { gateway } = harness();
      airbyte().post(`${PREFIX}/jobs`).reply(409, { detail: 'already running' });
      airbyte().get(`${PREFIX}/jobs`).query(activeQuery('running')).reply(200, { data: [] });
      airbyte().get(`${PREFIX}/jobs`).query(activeQuery('pending')).reply(200, { data: [] });
      airbyte()
        .get(`${PREFIX}/jobs`)
        .query(activeQuery('queued'))
        .reply(200, { data: [job(11, 'queued')] });
      expect(await run(gateway.startSync(CONN_ID))).to.deep.equal(
        E.right({ id: 11, connectionId: CONN_ID, status: 'queued' }),
      );
    });

    it('reports the conflict when no job holds the connection', async () => {
      const { gateway } = harness();
      airbyte().post(`${PREFIX}/jobs`).once().reply(409, { detail: 'connection is locked' });
      for (const status of ['running', 'pending', 'queued', 'incomplete']) {
        airbyte().get(`${PREFIX}/jobs`).query(activeQuery(status)).reply(200, { data: [] });
      }
      expect(await run(gateway.startSync(CONN_ID))).to.deep.equal(
        E.left({
          _tag: 'AirbyteConflict',
          detail: 'POST /jobs conflicts with the state of Airbyte (409): connection is locked',
        }),
      );
    });

    it('checks for a started job before sending a start whose answer was lost', async () => {
      const { gateway, sleeps } = harness();
      airbyte().post(`${PREFIX}/jobs`).once().reply(504, 'gateway timeout');
      airbyte()
        .get(`${PREFIX}/jobs`)
        .query(activeQuery('running'))
        .reply(200, { data: [job(21, 'running')] });
      expect(await run(gateway.startSync(CONN_ID))).to.deep.equal(
        E.right({ id: 21, connectionId: CONN_ID, status: 'running' }),
      );
      expect(sleeps).to.deep.equal([125]);
    });

    it('sends the start again when the lost one did not start a job', async () => {
      const { gateway } = harness();
      airbyte().post(`${PREFIX}/jobs`).reply(503, '');
      for (const status of ['running', 'pending', 'queued', 'incomplete']) {
        airbyte().get(`${PREFIX}/jobs`).query(activeQuery(status)).reply(200, { data: [] });
      }
      airbyte()
        .post(`${PREFIX}/jobs`)
        .reply(200, { jobId: 22, status: 'pending', jobType: 'sync', connectionId: CONN_ID });
      expect(await run(gateway.startSync(CONN_ID))).to.deep.equal(
        E.right({ id: 22, connectionId: CONN_ID, status: 'pending' }),
      );
    });

    it('does not send a start Airbyte rejected again', async () => {
      const { gateway } = harness();
      airbyte().post(`${PREFIX}/jobs`).once().reply(400, { detail: 'connection is inactive' });
      expect(await run(gateway.startSync(CONN_ID))).to.deep.equal(
        E.left({
          _tag: 'AirbyteRejected',
          status: 400,
          detail: 'POST /jobs was rejected by Airbyte (400): connection is inactive',
        }),
      );
    });
  });

  describe('getJob', () => {
    it('reads a job by id, with what it synced and for how long', async () => {
      const { gateway } = harness();
      airbyte()
        .get(`${PREFIX}/jobs/1234`)
        .reply(200, job(1234, 'succeeded', { bytesSynced: 10, rowsSynced: 2, duration: 'PT1M5S' }));
      expect(await run(gateway.getJob(1234))).to.deep.equal(
        E.right({
          id: 1234,
          connectionId: CONN_ID,
          status: 'succeeded',
          rowsSynced: 2,
          bytesSynced: 10,
          duration: 'PT1M5S',
        }),
      );
    });

    it('reports an unknown job as not found', async () => {
      const { gateway } = harness();
      airbyte().get(`${PREFIX}/jobs/99`).reply(404, { detail: 'Could not find job with id: 99' });
      expect(await run(gateway.getJob(99))).to.deep.equal(
        E.left({
          _tag: 'AirbyteNotFound',
          detail: 'GET /jobs/99 not found (404): Could not find job with id: 99',
        }),
      );
    });

    it('reports an unknown job status as a bad answer', async () => {
      const { gateway } = harness();
      airbyte().get(`${PREFIX}/jobs/5`).reply(200, job(5, 'exploded'));
      const result = await run(gateway.getJob(5));
      expect(E.isLeft(result) && result.left._tag).to.equal('AirbyteBadResponse');
    });
  });
});

describe('AirbytePublicApiGateway discovery timeout', () => {
  setUpNock();

  it('gives discovery its own, longer timeout', async () => {
    const { gateway } = harness({ timeoutMs: 20, discoveryTimeoutMs: 2000 });
    airbyte()
      .get(`${PREFIX}/streams`)
      .query({ sourceId: SOURCE_ID, destinationId: DEST_ID })
      .delay(80)
      .reply(200, [{ streamName: 'orders', syncModes: ['full_refresh_append'] }]);
    expect(await run(gateway.discoverStreams(SOURCE_ID, DEST_ID))).to.deep.equal(
      E.right([{ name: 'orders', syncModes: ['full_refresh_append'] }]),
    );
  });

  it('times discovery out too', async () => {
    const { gateway } = harness({ timeoutMs: 20, discoveryTimeoutMs: 30, retry: { maxAttempts: 1 } });
    airbyte()
      .get(`${PREFIX}/streams`)
      .query({ sourceId: SOURCE_ID, destinationId: DEST_ID })
      .delay(300)
      .reply(200, []);
    expect(await run(gateway.discoverStreams(SOURCE_ID, DEST_ID))).to.deep.equal(
      E.left({ _tag: 'AirbyteUnavailable', detail: 'GET /streams: Airbyte did not answer within 30 ms' }),
    );
  });
});
