/** JobResponse and how it reads as the domain's AirbyteJob. */
import type { AirbyteJob } from '@airbyte-provisioner/core';
import * as t from 'io-ts';

export const JobResponse = t.intersection([
  t.type({
    jobId: t.number,
    status: t.keyof({
      pending: null,
      queued: null,
      running: null,
      incomplete: null,
      failed: null,
      succeeded: null,
      cancelled: null,
    }),
  }),
  // required by the spec, absent from its own create example: fall back to the connection we asked about
  t.partial({
    connectionId: t.string,
    jobType: t.string,
    rowsSynced: t.number,
    bytesSynced: t.number,
    duration: t.string,
  }),
]);
export type JobResponse = t.TypeOf<typeof JobResponse>;

export const toJob = (j: JobResponse, connectionId: string): AirbyteJob => ({
  id: j.jobId,
  connectionId: j.connectionId ?? connectionId,
  status: j.status,
  ...(j.rowsSynced === undefined ? {} : { rowsSynced: j.rowsSynced }),
  ...(j.bytesSynced === undefined ? {} : { bytesSynced: j.bytesSynced }),
  ...(j.duration === undefined ? {} : { duration: j.duration }),
});

/** A job read by id: nothing else tells which connection it belongs to, so the field is required here. */
export const KnownJobResponse = t.intersection([JobResponse, t.type({ connectionId: t.string })]);
export type KnownJobResponse = t.TypeOf<typeof KnownJobResponse>;

/** `GET /jobs` answer (JobsResponse); `next`/`previous` are ignored. */
export const JobsPage = t.type({ data: t.array(JobResponse) });
