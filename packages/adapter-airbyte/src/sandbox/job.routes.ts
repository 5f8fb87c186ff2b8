/**
 * Jobs. A job starts `running` and succeeds on its connection's behalf after a number of polls of
 * `GET /jobs/{id}` or after a short time, whichever comes first; evaluated lazily, so no timer outlives
 * the sandbox. Only one job per connection runs at once: a second answers 409.
 */
import { isReply, pageOf, readPage, readWorkspaceFilter } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import { ok, problem, type SandboxReply } from './sandbox-reply.js';
import type { SandboxState, StoredJob } from './sandbox-state.js';
import { isRecord } from './secrets.js';

const JOB_TYPES = ['sync', 'reset', 'refresh', 'clear'];
const JOB_STATUSES = ['pending', 'queued', 'running', 'incomplete', 'failed', 'succeeded', 'cancelled'];
const FINISHED = ['failed', 'succeeded', 'cancelled'];

/** Moves a running job to `succeeded` once it has been polled or has run long enough. */
export const advance = (state: SandboxState, job: StoredJob): StoredJob => {
  if (job.status !== 'running') return job;
  const done =
    job.polls >= state.options.jobPollsToSucceed ||
    state.now() - job.startedAtMs >= state.options.jobDurationMs;
  if (done) {
    job.status = 'succeeded';
    job.updatedAtMs = state.now();
  }
  return job;
};

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const durationOf = (job: StoredJob): string =>
  `PT${Math.max(0, Math.round((job.updatedAtMs - job.startedAtMs) / 1000))}S`;

export const jobView = (job: StoredJob): Record<string, unknown> => ({
  jobId: job.jobId,
  status: job.status,
  jobType: job.jobType,
  startTime: isoSeconds(job.startedAtMs),
  connectionId: job.connectionId,
  lastUpdatedAt: isoSeconds(job.updatedAtMs),
  ...(FINISHED.includes(job.status) ? { duration: durationOf(job) } : {}),
  bytesSynced: job.status === 'succeeded' ? 1024 : 0,
  rowsSynced: job.status === 'succeeded' ? 10 : 0,
});

const findJob = (context: RouteContext): StoredJob | SandboxReply => {
  const raw = context.params['jobId'] ?? '';
  const job = /^\d+$/.test(raw) ? context.state.jobs.get(Number(raw)) : undefined;
  if (!/^\d+$/.test(raw)) return problem(400, `jobId must be an integer, got ${raw}`);
  if (job === undefined || !context.access.has(job.workspaceId)) return problem(404, `Job ${raw} not found`);
  return job;
};

const create: RouteHandler = (context) => {
  if (!isRecord(context.body)) return problem(400, 'The request body must be a JSON object');
  const { connectionId, jobType } = context.body;
  if (typeof connectionId !== 'string' || typeof jobType !== 'string') {
    return problem(400, 'connectionId and jobType are required');
  }
  if (!JOB_TYPES.includes(jobType)) return problem(400, `jobType must be one of ${JOB_TYPES.join(', ')}`);
  const connection = context.state.connections.get(connectionId);
  if (connection === undefined || connection.deleted || !context.access.has(connection.workspaceId)) {
    return problem(404, `Connection ${connectionId} not found`);
  }
  const running = [...context.state.jobs.values()].find(
    (job) => job.connectionId === connectionId && advance(context.state, job).status === 'running',
  );
  if (running !== undefined) {
    return problem(409, `A sync is already running for connection ${connectionId} (job ${running.jobId}).`);
  }
  const now = context.state.now();
  const job: StoredJob = {
    jobId: context.state.nextJobId,
    connectionId,
    workspaceId: connection.workspaceId,
    jobType,
    status: 'running',
    startedAtMs: now,
    updatedAtMs: now,
    polls: 0,
  };
  context.state.nextJobId += 1;
  context.state.jobs.set(job.jobId, job);
  return ok(jobView(job));
};

const get: RouteHandler = (context) => {
  const job = findJob(context);
  if (isReply(job)) return job;
  job.polls += 1;
  return ok(jobView(advance(context.state, job)));
};

const cancel: RouteHandler = (context) => {
  const job = findJob(context);
  if (isReply(job)) return job;
  if (advance(context.state, job).status !== 'running') {
    return problem(409, `Job ${job.jobId} has already finished (${job.status})`);
  }
  job.status = 'cancelled';
  job.updatedAtMs = context.state.now();
  return ok(jobView(job));
};

const list: RouteHandler = (context) => {
  const page = readPage(context.query);
  if (isReply(page)) return page;
  const workspaces = readWorkspaceFilter(context);
  if (isReply(workspaces)) return workspaces;
  const { query } = context;
  const status = query.get('status');
  const jobType = query.get('jobType');
  if (status !== null && !JOB_STATUSES.includes(status)) return problem(400, `Unknown job status ${status}`);
  if (jobType !== null && !JOB_TYPES.includes(jobType)) return problem(400, `Unknown jobType ${jobType}`);
  const connectionId = query.get('connectionId');
  const descending = /\|DESC$/i.test(query.get('orderBy') ?? '');
  const matching = [...context.state.jobs.values()]
    .map((job) => advance(context.state, job))
    .filter(
      (job) =>
        workspaces.has(job.workspaceId) &&
        (connectionId === null || job.connectionId === connectionId) &&
        (status === null || job.status === status) &&
        (jobType === null || job.jobType === jobType),
    )
    .sort((a, b) => (descending ? b.jobId - a.jobId : a.jobId - b.jobId));
  const { data, ...links } = pageOf(context, matching, page);
  return ok({ ...links, data: data.map(jobView) });
};

export const jobRoutes = { create, get, cancel, list } as const;
