import { expect } from 'chai';
import { javaDuration, javaTime } from '../../src/sandbox/job.routes.js';
import {
  createPipeline,
  openSession,
  type Job,
  type Page,
  type Problem,
  type Session,
} from './sandbox-client.js';

describe('sandbox: jobs', () => {
  let session: Session;
  beforeEach(async () => {
    // long enough that only polls finish a job within a test
    session = await openSession({ jobDurationMs: 60_000 });
  });
  afterEach(() => session.sandbox.close());

  const JAVA_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z$/;

  it('starts a pending sync job (200) that runs from its first read and succeeds on the next poll', async () => {
    const { connectionId } = await createPipeline(session);
    const started = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
    expect(started.status).to.equal(200);
    expect(started.body).to.include({ status: 'pending', jobType: 'sync', connectionId });
    expect(started.body.jobId).to.be.a('number');
    expect(started.body.startTime).to.match(JAVA_TIME);
    // JobResponseMapper: no duration while pending, no lastUpdatedAt until terminal
    expect(started.body).to.not.have.property('duration');
    expect(started.body).to.not.have.property('lastUpdatedAt');
    const listed = await session.api<Page<Job>>('GET', `/jobs?connectionId=${connectionId}`);
    expect(listed.body.data[0]).to.include({ status: 'running' });
    expect(listed.body.data[0]).to.have.property('duration');
    expect(listed.body.data[0]).to.not.have.property('lastUpdatedAt');
    const polled = await session.api<Job>('GET', `/jobs/${started.body.jobId}`);
    expect(polled.status).to.equal(200);
    expect(polled.body).to.include({ jobId: started.body.jobId, status: 'succeeded' });
    expect(polled.body.duration).to.match(/^PT(\d+M)?\d+S$/);
    expect(polled.body.lastUpdatedAt).to.match(JAVA_TIME);
    const next = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
    expect(next.status).to.equal(200);
    expect(next.body.jobId).to.be.above(started.body.jobId);
  });

  it("refuses a second sync while one is pending or running with the server's try-again-later 409", async () => {
    const { connectionId } = await createPipeline(session);
    await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
    for (const expected of ['pending', 'running']) {
      const second = await session.api<Problem>('POST', '/jobs', { connectionId, jobType: 'sync' });
      expect(second.status, expected).to.equal(409);
      expect(second.headers.get('content-type')).to.equal('application/json');
      expect(second.body).to.deep.equal({
        status: 409,
        type: 'https://reference.airbyte.com/reference/errors#try-again-later',
        title: 'try-again-later',
        detail: 'Please try again later.',
        data: { message: `A sync is already running for: ${connectionId}` },
      });
    }
    expect(session.sandbox.snapshot().jobs).to.have.length(1);
  });

  it('answers a sync of an inactive or deleted connection with a state-conflict 409, and refresh with 422', async () => {
    const { connectionId } = await createPipeline(session, { status: 'inactive' });
    const inactive = await session.api<Problem>('POST', '/jobs', { connectionId, jobType: 'sync' });
    expect(inactive.status).to.equal(409);
    expect(inactive.body).to.include({
      type: 'https://reference.airbyte.com/reference/errors#409-state-conflict',
      title: 'state-conflict',
    });
    expect(inactive.body.data).to.deep.equal({ message: 'Could not fulfill request' });
    const refresh = await session.api<Problem>('POST', '/jobs', { connectionId, jobType: 'refresh' });
    expect(refresh.status).to.equal(422);
    expect(refresh.body.data).to.deep.equal({ message: 'Refreshes are not supported in the public API' });
    await session.api('PATCH', `/connections/${connectionId}`, { status: 'active' });
    await session.api('DELETE', `/connections/${connectionId}`);
    const deleted = await session.api<Problem>('POST', '/jobs', { connectionId, jobType: 'sync' });
    expect(deleted.status).to.equal(409);
    expect(deleted.body.title).to.equal('state-conflict');
    expect(session.sandbox.snapshot().jobs).to.have.length(0);
  });

  for (const ends of ['failed', 'cancelled', 'incomplete'] as const) {
    it(`ends a job ${ends} when a job fault says so`, async () => {
      const { connectionId } = await createPipeline(session);
      session.sandbox.inject({ match: { method: 'POST', path: '/jobs' }, action: { type: 'job', ends } });
      const started = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
      expect(started.status).to.equal(200);
      expect(started.body.status).to.equal('pending');
      const polled = await session.api<Job>('GET', `/jobs/${started.body.jobId}`);
      expect(polled.body.status).to.equal(ends);
      // incomplete is not terminal: no lastUpdatedAt
      if (ends === 'incomplete') expect(polled.body).to.not.have.property('lastUpdatedAt');
      else expect(polled.body.lastUpdatedAt).to.match(JAVA_TIME);
      expect(session.sandbox.calls().find((c) => c.method === 'POST' && c.path === '/jobs')?.fault).to.equal(
        'job',
      );
      // the fault fired once: the next job succeeds
      const next = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
      expect(next.status).to.equal(200);
      expect((await session.api<Job>('GET', `/jobs/${next.body.jobId}`)).body.status).to.equal('succeeded');
    });
  }

  it('stays running for the configured number of polls', async () => {
    const slow = await openSession({ jobPollsToSucceed: 3, jobDurationMs: 60_000 });
    try {
      const { connectionId } = await createPipeline(slow);
      const started = await slow.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
      const statuses: string[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await slow.api<Job>('GET', `/jobs/${started.body.jobId}`)).body.status);
      expect(started.body.status).to.equal('pending');
      expect(statuses).to.deep.equal(['running', 'running', 'succeeded']);
    } finally {
      await slow.sandbox.close();
    }
  });

  it('reports what a running job committed so far, then ends it from running or incomplete as a test says', async () => {
    const held = await openSession({
      jobPollsToSucceed: Number.POSITIVE_INFINITY,
      jobDurationMs: Number.POSITIVE_INFINITY,
    });
    try {
      const { connectionId } = await createPipeline(held);
      const started = await held.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
      const id = started.body.jobId;
      const read = async () => (await held.api<Job & Record<string, unknown>>('GET', `/jobs/${id}`)).body;
      expect(await read()).to.include({ status: 'running', rowsSynced: 0, bytesSynced: 0 });
      expect(held.sandbox.reportJobProgress(id, { rowsSynced: 1200, bytesSynced: 56_000 })).to.equal(true);
      expect(await read()).to.include({ status: 'running', rowsSynced: 1200, bytesSynced: 56_000 });
      expect(held.sandbox.finishJob(id, 'incomplete')).to.equal(true);
      expect(held.sandbox.reportJobProgress(id, { rowsSynced: 1, bytesSynced: 1 })).to.equal(false);
      expect(await read()).to.include({ status: 'incomplete', rowsSynced: 1200 });
      expect(held.sandbox.finishJob(id, 'failed')).to.equal(true);
      expect(await read()).to.include({ status: 'failed', rowsSynced: 1200, bytesSynced: 56_000 });
      expect(held.sandbox.finishJob(id, 'succeeded')).to.equal(false);
      expect(held.sandbox.finishJob(999, 'failed')).to.equal(false);
    } finally {
      await held.sandbox.close();
    }
  });

  it('finishes a job after its duration even when nobody polls', async () => {
    const quick = await openSession({ jobDurationMs: 0, jobPollsToSucceed: 100 });
    try {
      const { connectionId } = await createPipeline(quick);
      await quick.api('POST', '/jobs', { connectionId, jobType: 'sync' });
      expect((await quick.api('POST', '/jobs', { connectionId, jobType: 'sync' })).status).to.equal(200);
      expect(quick.sandbox.snapshot().jobs.map((j) => j['status'])).to.deep.equal(['succeeded', 'succeeded']);
    } finally {
      await quick.sandbox.close();
    }
  });

  it('cancels a running job, and answers a state-conflict 409 to cancelling a finished one', async () => {
    const { connectionId } = await createPipeline(session);
    const started = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
    const cancelled = await session.api<Job>('DELETE', `/jobs/${started.body.jobId}`);
    expect(cancelled.body.status).to.equal('cancelled');
    const again = await session.api<Problem>('DELETE', `/jobs/${started.body.jobId}`);
    expect(again.status).to.equal(409);
    expect(again.body.data).to.deep.equal({ message: 'Job is not currently running' });
  });

  it('lists jobs filtered by connection, type and status, paged', async () => {
    const a = await createPipeline(session);
    const b = await createPipeline(session);
    const jobA = await session.api<Job>('POST', '/jobs', { connectionId: a.connectionId, jobType: 'sync' });
    await session.api<Job>('GET', `/jobs/${jobA.body.jobId}`);
    await session.api<Job>('POST', '/jobs', { connectionId: a.connectionId, jobType: 'reset' });
    await session.api<Job>('POST', '/jobs', { connectionId: b.connectionId, jobType: 'sync' });
    const ofA = await session.api<Page<Job>>('GET', `/jobs?connectionId=${a.connectionId}`);
    expect(ofA.body.data.map((j) => j.jobType)).to.deep.equal(['sync', 'reset']);
    const running = await session.api<Page<Job>>('GET', '/jobs?status=running&jobType=sync');
    expect(running.body.data.map((j) => j.connectionId)).to.deep.equal([b.connectionId]);
    const newestFirst = await session.api<Page<Job>>('GET', '/jobs?orderBy=createdAt|DESC&limit=2');
    expect(newestFirst.body.data.map((j) => j.connectionId)).to.deep.equal([b.connectionId, a.connectionId]);
    expect(new URL(newestFirst.body.next ?? '').searchParams.get('offset')).to.equal('2');
    expect(newestFirst.body.previous).to.equal('');
    expect((await session.api('GET', '/jobs?status=done')).status).to.equal(400);
  });

  it('answers 400 to a bad body or job id, and 404 for an unknown job or connection', async () => {
    const { connectionId } = await createPipeline(session);
    expect((await session.api('POST', '/jobs', { connectionId })).status).to.equal(400);
    expect((await session.api('POST', '/jobs', { connectionId, jobType: 'teleport' })).status).to.equal(400);
    expect(
      (await session.api('POST', '/jobs', { connectionId: 'unknown', jobType: 'sync' })).status,
    ).to.equal(404);
    expect((await session.api('GET', '/jobs/999')).status).to.equal(404);
    expect((await session.api('GET', '/jobs/abc')).status).to.equal(400);
  });
});

describe('sandbox: job times as Java prints them (JobResponseMapper)', () => {
  it('prints OffsetDateTime in UTC, leaving out zero seconds, and drops milliseconds', () => {
    expect(javaTime(Date.UTC(2026, 11, 6, 1, 2, 3, 456))).to.equal('2026-12-06T01:02:03Z');
    expect(javaTime(Date.UTC(2026, 11, 6, 1, 2, 0, 999))).to.equal('2026-12-06T01:02Z');
  });

  it('prints Duration as ISO-8601 with only the units it needs', () => {
    expect([0, 42, 65, 7200, 3725].map(javaDuration)).to.deep.equal([
      'PT0S',
      'PT42S',
      'PT1M5S',
      'PT2H',
      'PT1H2M5S',
    ]);
  });
});
