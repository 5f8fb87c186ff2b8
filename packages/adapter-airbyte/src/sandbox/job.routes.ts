/**
 * Jobs, after airbyte-server publicapi JobsController, JobService and JobResponseMapper and
 * airbyte-commons-server SchedulerHandler:
 * - a sync or reset of a connection that is not active is 409 `state-conflict` ("Could not fulfill
 *   request": SchedulerHandler's `check(status == ACTIVE)` throws an IllegalStateException);
 * - a sync while one runs is 409 `try-again-later` ("A sync is already running for: <id>");
 * - `refresh` is 422 ("Refreshes are not supported in the public API");
 * - a job is `pending` when created, `running` from its first read on, and ends after a number of polls or
 *   a short time: `succeeded`, or what an injected `job` fault says (`failed`, `cancelled`, `incomplete`);
 * - `lastUpdatedAt` only once the job is terminal (failed, cancelled, succeeded); `duration` for every
 *   status but `pending`; times as Java's OffsetDateTime prints them (seconds left out when zero).
 * Evaluated lazily, so no timer outlives the sandbox.
 */
import { isReply, pageOf, readPage, readWorkspaceFilter } from './pagination.js';
import type { RouteContext, RouteHandler } from './route-context.js';
import {
  micronautError,
  ok,
  resourceNotFound,
  stateConflict,
  tryAgainLater,
  unprocessableEntity,
  type SandboxReply,
} from './sandbox-reply.js';
import type { SandboxState, StoredJob } from './sandbox-state.js';
import { isRecord } from './secrets.js';

const JOB_TYPES = ['sync', 'reset', 'refresh', 'clear'];
const JOB_STATUSES = ['pending', 'queued', 'running', 'incomplete', 'failed', 'succeeded', 'cancelled'];
const TERMINAL = ['failed', 'succeeded', 'cancelled'];
/** States in which the connection's workflow is still busy with the job. */
const BUSY = ['pending', 'queued', 'running'];

/** Moves a job along: `pending` → `running` on its first read, then to its end once due. */
export const advance = (state: SandboxState, job: StoredJob, polled = false): StoredJob => {
  if (!BUSY.includes(job.status)) return job;
  if (polled) job.polls += 1;
  const due =
    job.polls >= state.options.jobPollsToSucceed ||
    state.now() - job.startedAtMs >= state.options.jobDurationMs;
  if (due) {
    job.status = job.ends;
    job.updatedAtMs = state.now();
  } else if (job.status === 'pending') {
    job.status = 'running';
    job.updatedAtMs = state.now();
  }
  return job;
};

/** OffsetDateTime.toString in UTC: `2026-12-06T01:02:03Z`, or `2026-12-06T01:02Z` on a whole minute. */
export const javaTime = (ms: number): string => {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  return iso.replace(/:00Z$/, 'Z');
};

/** Duration.toString: `PT0S`, `PT42S`, `PT1M5S`, `PT2H`. */
export const javaDuration = (seconds: number): string => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const text = `${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${s > 0 ? `${s}S` : ''}`;
  return `PT${text === '' ? '0S' : text}`;
};

const epochSecondsOf = (ms: number): number => Math.floor(ms / 1000);

export const jobView = (job: StoredJob): Record<string, unknown> => {
  const succeeded = job.status === 'succeeded';
  return {
    jobId: job.jobId,
    status: job.status,
    jobType: job.jobType,
    startTime: javaTime(job.startedAtMs),
    connectionId: job.connectionId,
    ...(TERMINAL.includes(job.status) ? { lastUpdatedAt: javaTime(job.updatedAtMs) } : {}),
    ...(job.status === 'pending'
      ? {}
      : { duration: javaDuration(epochSecondsOf(job.updatedAtMs) - epochSecondsOf(job.startedAtMs)) }),
    // what a test reported, else a small sync once succeeded (the last attempt's committed stats)
    bytesSynced: job.bytesSynced ?? (succeeded ? 1024 : 0),
    rowsSynced: job.rowsSynced ?? (succeeded ? 10 : 0),
  };
};

const findJob = (context: RouteContext): StoredJob | SandboxReply => {
  const raw = context.params['jobId'] ?? '';
  if (!/^\d+$/.test(raw)) return micronautError(400, `Failed to convert argument [jobId] for value [${raw}]`);
  const job = context.state.jobs.get(Number(raw));
  if (job === undefined || !context.access.has(job.workspaceId)) return resourceNotFound('job', raw);
  return job;
};

const create: RouteHandler = (context) => {
  if (!isRecord(context.body)) return micronautError(400, 'Required argument [body] not specified');
  const { connectionId, jobType } = context.body;
  if (typeof connectionId !== 'string' || typeof jobType !== 'string') {
    return micronautError(400, 'Missing required creator property: connectionId, jobType');
  }
  if (!JOB_TYPES.includes(jobType))
    return micronautError(400, `jobType: unknown value ${JSON.stringify(jobType)}`);
  const connection = context.state.connections.get(connectionId);
  if (connection === undefined || !context.access.has(connection.workspaceId)) {
    return resourceNotFound('connection', connectionId);
  }
  if (jobType === 'refresh') return unprocessableEntity('Refreshes are not supported in the public API');
  // only a sync checks the status (SchedulerHandler.submitManualSyncToWorker); a reset does not
  const idle = connection.deleted || connection.status !== 'active';
  if (idle && (jobType === 'sync' || connection.deleted)) return stateConflict('Could not fulfill request');
  const busy = [...context.state.jobs.values()].some(
    (job) => job.connectionId === connectionId && BUSY.includes(advance(context.state, job).status),
  );
  if (busy) return tryAgainLater(`A sync is already running for: ${connectionId}`);
  const now = context.state.now();
  const job: StoredJob = {
    jobId: context.state.nextJobId,
    connectionId,
    workspaceId: connection.workspaceId,
    jobType,
    status: 'pending',
    ends: context.jobEnds ?? 'succeeded',
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
  return isReply(job) ? job : ok(jobView(advance(context.state, job, true)));
};

const cancel: RouteHandler = (context) => {
  const job = findJob(context);
  if (isReply(job)) return job;
  // a finished job: "Failed to cancel" → ConfigClientErrorHandler's JOB_NOT_RUNNING_MESSAGE
  if (!BUSY.includes(advance(context.state, job).status))
    return stateConflict('Job is not currently running');
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
  if (status !== null && !JOB_STATUSES.includes(status))
    return micronautError(400, `status: unknown value ${JSON.stringify(status)}`);
  if (jobType !== null && !JOB_TYPES.includes(jobType))
    return micronautError(400, `jobType: unknown value ${JSON.stringify(jobType)}`);
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
  // JobsResponseMapper: jobType and connectionId, or jobType and workspaceIds
  const asked = query.getAll('workspaceIds').join(',');
  const linkParams: ReadonlyArray<readonly [string, string]> = [
    ...(jobType === null ? [] : [['jobType', jobType] as const]),
    ...(connectionId !== null
      ? [['connectionId', connectionId] as const]
      : asked === ''
        ? []
        : [['workspaceIds', asked] as const]),
  ];
  const { data, ...links } = pageOf(context, matching, page, linkParams);
  return ok({ ...links, data: data.map(jobView) });
};

export const jobRoutes = { create, get, cancel, list } as const;
