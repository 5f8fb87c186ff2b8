/**
 * How a followed Airbyte job reads in the logs and in a failure: all that Airbyte's public API tells of
 * a job is its status, what its last attempt committed (rows, bytes) and how long it ran. Why a job
 * failed is not in it (`JobResponse` has no such field): a failure points at the job in the Airbyte UI.
 */
import { jobFinished, type AirbyteJob } from '../domain/airbyte-state.js';
import { jobUrl } from './deployment-info.js';

/**
 * The steps whose `StateConflict` is an Airbyte job that did not succeed (the sync a deploy waited for,
 * an unprovision's clear): what to do about it is in Airbyte, not a clash of names.
 */
export const SYNC_WAIT_STEP = 'wait for the sync';
export const CLEAR_DATA_STEP = 'clear the synced data';
export const jobSteps: ReadonlyArray<string> = [SYNC_WAIT_STEP, CLEAR_DATA_STEP];

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** 1000-based, one decimal past bytes: `56.0 kB`, `3.4 GB`. */
export const readableBytes = (bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit] ?? ''}`;
};

/** ISO-8601 `PT1H2M5S` (as Airbyte prints a Duration) → `1 h 2 min 5 s`; anything else as it is. */
export const readableDuration = (iso: string): string => {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso);
  if (match === null) return iso;
  const [, h, m, s] = match;
  const parts = [
    h === undefined ? '' : `${h} h`,
    m === undefined ? '' : `${m} min`,
    s === undefined ? '' : `${Math.round(Number(s))} s`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? '0 s' : parts.join(' ');
};

/** `1,200 rows (56.0 kB)`, or undefined when Airbyte said nothing of it. */
const synced = (job: AirbyteJob): string | undefined =>
  job.rowsSynced === undefined && job.bytesSynced === undefined
    ? undefined
    : `${grouped(job.rowsSynced ?? 0)} rows (${readableBytes(job.bytesSynced ?? 0)})`;

/** What changed between two reads of a job that a person following it wants to see. */
export const progressChanged = (last: AirbyteJob, job: AirbyteJob): boolean =>
  last.status !== job.status || last.rowsSynced !== job.rowsSynced || last.bytesSynced !== job.bytesSynced;

/** A line of the job's progress: `Sync job 12 is running: 1,200 rows (56.0 kB) synced so far`. */
export const progressLine = (label: string, job: AirbyteJob): string => {
  const what = `${label.charAt(0).toUpperCase()}${label.slice(1)} ${job.id} is ${job.status}`;
  const retrying = job.status === 'incomplete' ? ' (an attempt failed; Airbyte tries again)' : '';
  const counts = synced(job);
  const sofar = jobFinished(job.status) ? '' : ' so far';
  return `${what}${retrying}${counts === undefined ? '' : `: ${counts} synced${sofar}`}`;
};

/** The job's page in the Airbyte UI, or where to find it there when no UI address is known. */
export const whereToLook = (
  job: AirbyteJob,
  workspaceId: string,
  airbyteUiUrl: string | undefined,
): string =>
  airbyteUiUrl === undefined
    ? `in the Airbyte UI, job history of connection ${job.connectionId}, job ${job.id}`
    : `in the Airbyte UI: ${jobUrl(airbyteUiUrl, workspaceId, job.connectionId, job.id)}`;

/**
 * Everything the public API says of a job that did not succeed, e.g. `Airbyte reports sync job 12 failed
 * after 3 min 5 s, with 1,200 rows (56.0 kB) synced. Airbyte's public API does not say why: see the
 * job's logs in the Airbyte UI: https://…`.
 */
export const unsuccessfulJob = (
  label: string,
  job: AirbyteJob,
  workspaceId: string,
  airbyteUiUrl: string | undefined,
): string => {
  const ran = job.duration === undefined ? '' : ` after ${readableDuration(job.duration)}`;
  const counts = synced(job);
  const by = job.status === 'cancelled' ? ' (cancelled in Airbyte, by a person or a call to its API)' : '';
  return (
    `Airbyte reports ${label} ${job.id} ${job.status}${by}${ran}${counts === undefined ? '' : `, with ${counts} synced`}. ` +
    `Airbyte's public API does not say why: see the job's logs ${whereToLook(job, workspaceId, airbyteUiUrl)}`
  );
};

/** A job still not done at the deadline: its status, what it synced so far, and where to follow it. */
export const unfinishedJob = (
  label: string,
  job: AirbyteJob,
  timeoutSeconds: number,
  workspaceId: string,
  airbyteUiUrl: string | undefined,
): string => {
  const counts = synced(job);
  const retrying =
    job.status === 'incomplete'
      ? ': its last attempt failed and Airbyte tries again (the public API does not say why)'
      : '';
  return (
    `${label} ${job.id} is still ${job.status} after ${timeoutSeconds} s (syncTimeoutSeconds)${retrying}` +
    `${counts === undefined ? '' : `, with ${counts} synced so far`}; it keeps running in Airbyte, see it ${whereToLook(job, workspaceId, airbyteUiUrl)}`
  );
};
