/**
 * `info` of a deploy result: what a person wants to see in the marketplace (names, a link to the
 * connection, where data lands, streams, schedule) and, privately, the record the next deploy needs.
 */
import type { AirbyteJob, AirbyteStream } from '../domain/airbyte-state.js';
import type { DesiredState, Schedule } from '../domain/desired-state.js';
import type { DeploymentInfo, DeploymentRecord, InfoEntry } from '../domain/operation-result.js';

const text = (label: string, value: string): InfoEntry => ({ type: 'string', label, value });

const describeSchedule = (s: Schedule): string =>
  s.scheduleType === 'cron' ? `cron ${s.cronExpression}` : 'manual';

const stringAt = (config: DesiredState['destination']['configuration'], key: string): string | undefined => {
  const value = config[key];
  return typeof value === 'string' ? value : undefined;
};

export interface InfoInput {
  readonly desired: DesiredState;
  readonly record: DeploymentRecord;
  readonly streams: ReadonlyArray<AirbyteStream>;
  readonly airbyteUiUrl?: string;
  /** The sync this deploy started (or found running), with its last known status. */
  readonly syncJob?: AirbyteJob;
}

/** The job's page in the Airbyte UI: the connection's job history, opened at that job. */
export const jobUrl = (ui: string, workspaceId: string, connectionId: string, jobId: number): string =>
  `${connectionUrl(ui, workspaceId, connectionId)}/job-history#${jobId}::0`;

export const syncJobEntry = (record: DeploymentRecord, job: AirbyteJob, airbyteUiUrl?: string): InfoEntry => {
  const value = `job ${job.id} (${job.status})`;
  return airbyteUiUrl === undefined
    ? text('Sync job', value)
    : {
        type: 'link',
        label: 'Sync job',
        value,
        href: jobUrl(airbyteUiUrl, record.workspaceId, job.connectionId, job.id),
      };
};

export const connectionUrl = (ui: string, workspaceId: string, connectionId: string): string =>
  `${ui.replace(/\/+$/, '')}/workspaces/${workspaceId}/connections/${connectionId}`;

/** The workspace's page in the Airbyte UI. */
export const workspaceUrl = (ui: string, workspaceId: string): string =>
  `${ui.replace(/\/+$/, '')}/workspaces/${workspaceId}`;

/** The data product's own workspace (per-data-product mode): named, and linked when the UI is known. */
export const workspaceEntry = (
  workspace: { readonly id: string; readonly name: string },
  airbyteUiUrl?: string,
): InfoEntry =>
  airbyteUiUrl === undefined
    ? text('Airbyte workspace', workspace.name)
    : {
        type: 'link',
        label: 'Airbyte workspace',
        value: workspace.name,
        href: workspaceUrl(airbyteUiUrl, workspace.id),
      };

export const deploymentInfo = ({
  desired,
  record,
  streams,
  airbyteUiUrl,
  syncJob,
}: InfoInput): DeploymentInfo => {
  const database = stringAt(desired.destination.configuration, 'database');
  const schema = stringAt(desired.destination.configuration, 'schema');
  const entries: ReadonlyArray<readonly [string, InfoEntry | undefined]> = [
    [
      'airbyteWorkspace',
      record.workspaceName === undefined
        ? undefined
        : workspaceEntry({ id: record.workspaceId, name: record.workspaceName }, airbyteUiUrl),
    ],
    [
      'airbyteConnection',
      airbyteUiUrl === undefined || record.connectionId === undefined
        ? undefined
        : {
            type: 'link',
            label: 'Airbyte connection',
            value: desired.connection.name,
            href: connectionUrl(airbyteUiUrl, record.workspaceId, record.connectionId),
          },
    ],
    ['connectionName', text('Connection', desired.connection.name)],
    ['sourceName', text('Source', desired.source.name)],
    ['destinationName', text('Destination', desired.destination.name)],
    ['destinationDatabase', database === undefined ? undefined : text('Destination database', database)],
    ['destinationSchema', schema === undefined ? undefined : text('Destination schema', schema)],
    ['streams', text('Streams', streams.map((s) => s.name).join(', ') || '(none)')],
    ['schedule', text('Schedule', describeSchedule(desired.connection.schedule))],
    ['lastSyncJob', syncJob === undefined ? undefined : syncJobEntry(record, syncJob, airbyteUiUrl)],
  ];
  return {
    publicInfo: Object.fromEntries(entries.filter((e): e is [string, InfoEntry] => e[1] !== undefined)),
    privateInfo: { airbyte: { ...record } },
  };
};
