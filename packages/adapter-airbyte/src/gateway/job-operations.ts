/**
 * Syncs. Airbyte runs one sync per connection at a time and answers 409 to a second: we then answer the
 * job already running, found through `GET /jobs` filtered by connection, type and status. A start whose
 * answer was lost is checked the same way before it is sent again, so it never starts a second sync.
 */
import type { AirbyteError, AirbyteJob, JobStatus } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { JobResponse, JobsPage, KnownJobResponse, toJob } from '../codecs/job.codec.js';
import type { AirbyteClient } from '../http/airbyte-client.js';
import { pause, retryDelay } from '../http/retry.js';

// a job in any of these states holds the connection's single sync slot
type JobType = 'sync' | 'clear';

const ACTIVE_STATUSES: ReadonlyArray<JobStatus> = ['running', 'pending', 'queued', 'incomplete'];

export const makeJobOperations = (client: AirbyteClient) => {
  const findActive = async (
    connectionId: string,
    jobType: JobType,
  ): Promise<E.Either<AirbyteError, O.Option<AirbyteJob>>> => {
    for (const status of ACTIVE_STATUSES) {
      const jobs = await client.call({
        method: 'GET',
        template: '/jobs',
        query: [
          ['connectionId', connectionId],
          ['jobType', jobType],
          ['status', status],
          ['limit', '100'],
          ['offset', '0'],
        ],
        codec: JobsPage,
      });
      if (E.isLeft(jobs)) return jobs;
      const newest = jobs.right.data.reduce<JobResponse | undefined>(
        (best, job) => (best === undefined || job.jobId > best.jobId ? job : best),
        undefined,
      );
      if (newest !== undefined) return E.right(O.some(toJob(newest, connectionId)));
    }
    return E.right(O.none);
  };

  const startJob = async (
    connectionId: string,
    jobType: JobType,
  ): Promise<E.Either<AirbyteError, AirbyteJob>> => {
    for (let attempt = 1; ; attempt += 1) {
      const result = await client.send({
        method: 'POST',
        template: '/jobs',
        body: { connectionId, jobType },
        codec: JobResponse,
      });
      if (result._tag === 'Ok') return E.right(toJob(result.value, connectionId));
      const delay = result.status === 409 ? undefined : retryDelay(client.retryDeps, result, attempt);
      if (result.status !== 409 && delay === undefined) return E.left(result.error);
      if (delay !== undefined) await pause(client.retryDeps, 'POST /jobs', result.error, attempt, delay);
      const active = await findActive(connectionId, jobType);
      if (E.isLeft(active)) return active;
      if (O.isSome(active.right)) return E.right(active.right.value);
      // 409 but nothing running: the conflict is something else (a locked connection, say)
      if (result.status === 409) return E.left(result.error);
    }
  };

  const getJob = async (jobId: number): Promise<E.Either<AirbyteError, AirbyteJob>> =>
    E.map((j: KnownJobResponse) => toJob(j, j.connectionId))(
      await client.call({
        method: 'GET',
        template: '/jobs/{jobId}',
        params: { jobId: String(jobId) },
        codec: KnownJobResponse,
      }),
    );

  return {
    startSync: (connectionId: string) => startJob(connectionId, 'sync'),
    clearData: (connectionId: string) => startJob(connectionId, 'clear'),
    getJob,
  };
};
