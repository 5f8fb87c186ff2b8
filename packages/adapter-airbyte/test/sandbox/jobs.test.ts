import { expect } from 'chai';
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

  it('starts a running sync job (200), refuses a second one with 409 while it runs, and succeeds on the next poll', async () => {
    const { connectionId } = await createPipeline(session);
    const started = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
    expect(started.status).to.equal(200);
    expect(started.body).to.include({ status: 'running', jobType: 'sync', connectionId });
    expect(started.body.jobId).to.be.a('number');
    expect(started.body.startTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const second = await session.api<Problem>('POST', '/jobs', { connectionId, jobType: 'sync' });
    expect(second.status).to.equal(409);
    expect(second.headers.get('content-type')).to.equal('application/problem+json');
    expect(second.body.detail).to.contain(String(started.body.jobId));
    const polled = await session.api<Job>('GET', `/jobs/${started.body.jobId}`);
    expect(polled.status).to.equal(200);
    expect(polled.body).to.include({ jobId: started.body.jobId, status: 'succeeded' });
    expect(polled.body.duration).to.match(/^PT\d+S$/);
    const third = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
    expect(third.status).to.equal(200);
    expect(third.body.jobId).to.be.above(started.body.jobId);
  });

  it('stays running for the configured number of polls', async () => {
    const slow = await openSession({ jobPollsToSucceed: 3, jobDurationMs: 60_000 });
    try {
      const { connectionId } = await createPipeline(slow);
      const started = await slow.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
      const statuses: string[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await slow.api<Job>('GET', `/jobs/${started.body.jobId}`)).body.status);
      expect(statuses).to.deep.equal(['running', 'running', 'succeeded']);
    } finally {
      await slow.sandbox.close();
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

  it('cancels a running job, and answers 409 to cancelling a finished one', async () => {
    const { connectionId } = await createPipeline(session);
    const started = await session.api<Job>('POST', '/jobs', { connectionId, jobType: 'sync' });
    const cancelled = await session.api<Job>('DELETE', `/jobs/${started.body.jobId}`);
    expect(cancelled.body.status).to.equal('cancelled');
    expect((await session.api('DELETE', `/jobs/${started.body.jobId}`)).status).to.equal(409);
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
    expect(newestFirst.body.next).to.be.a('string');
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
    await session.api('DELETE', `/connections/${connectionId}`);
    expect((await session.api('POST', '/jobs', { connectionId, jobType: 'sync' })).status).to.equal(404);
  });
});
