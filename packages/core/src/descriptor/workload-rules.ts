/**
 * Rules across fields of a decoded workload, each returning every problem it finds (applicative style:
 * they all run, their problems are concatenated).
 */
import type { SyncMode } from '../domain/desired-state.js';
import { problem, type Problem } from '../errors/problem.js';
import { quartzCronProblems } from './quartz-cron.js';
import {
  fileFormats,
  fileStorages,
  syncModes,
  type StreamSpec,
  type WorkloadSpecific,
} from './workload-spec.codec.js';

const fileSourceProblems = (configuration: Record<string, unknown>, path: string): ReadonlyArray<Problem> => {
  const found: Problem[] = [];
  const format = configuration['format'];
  if (format !== undefined && (typeof format !== 'string' || !fileFormats.includes(format))) {
    found.push(
      problem(`${path}.format`, `must be one of ${fileFormats.join(', ')}; got ${JSON.stringify(format)}`),
    );
  }
  const provider = configuration['provider'];
  if (provider !== undefined) {
    const storage =
      typeof provider === 'object' && provider !== null
        ? (provider as Record<string, unknown>)['storage']
        : undefined;
    if (typeof storage !== 'string' || !fileStorages.includes(storage)) {
      found.push(
        problem(
          `${path}.provider.storage`,
          `must be one of ${fileStorages.join(', ')}; got ${JSON.stringify(storage ?? null)}`,
        ),
      );
    }
  }
  for (const key of ['url', 'dataset_name']) {
    const value = configuration[key];
    if (typeof value !== 'string' || value.trim() === '') {
      found.push(problem(`${path}.${key}`, 'is required for a File source (a non-empty string)'));
    }
  }
  return found;
};

const isIncremental = (mode: SyncMode): boolean => mode.startsWith('incremental_');

/**
 * Sync mode and cursor, as far as they can be judged without asking the source. An incremental mode
 * without a cursorField is accepted: Airbyte then uses the source's default cursor, and whether the source
 * has one is only known from stream discovery (the planner checks the modes a discovered stream offers).
 * The File source is known here: it reads the whole file on every sync and offers full refresh only.
 */
const streamProblems = (stream: StreamSpec, path: string, fileSource: boolean): ReadonlyArray<Problem> => {
  const found: Problem[] = [];
  const mode = stream.syncMode;
  if (fileSource && mode !== undefined && isIncremental(mode)) {
    found.push(
      problem(
        `${path}.syncMode`,
        `${mode} is not possible with a File source, which reads the whole file on every sync; use a full refresh mode (${syncModes.filter((m) => !isIncremental(m)).join(', ')})`,
      ),
    );
  }
  if (stream.cursorField !== undefined) {
    if (stream.cursorField.length === 0) {
      found.push(problem(`${path}.cursorField`, 'must name the cursor field, e.g. [updated_at]'));
    } else if (mode !== undefined && !isIncremental(mode)) {
      found.push(
        problem(
          `${path}.cursorField`,
          `is used only by incremental sync modes; remove it or choose an incremental_* syncMode instead of ${mode}`,
        ),
      );
    }
  }
  return found;
};

export const workloadProblems = (specific: WorkloadSpecific, path: string): ReadonlyArray<Problem> => {
  const found: Problem[] = [];
  const { source, destination, connection } = specific;
  if (source.sourceType !== undefined && source.definitionId !== undefined) {
    found.push(problem(`${path}.source`, 'set either sourceType or definitionId, not both'));
  }
  if (destination.destinationType !== undefined && destination.definitionId !== undefined) {
    found.push(problem(`${path}.destination`, 'set either destinationType or definitionId, not both'));
  }
  const fileSource = source.definitionId === undefined && (source.sourceType ?? 'file') === 'file';
  if (fileSource) {
    found.push(
      ...fileSourceProblems(source.connectionConfiguration, `${path}.source.connectionConfiguration`),
    );
  }
  const schedule = connection.schedule;
  if (schedule?.scheduleType === 'cron') {
    if (schedule.cronExpression === undefined) {
      found.push(
        problem(`${path}.connection.schedule.cronExpression`, 'is required when scheduleType is cron'),
      );
    } else {
      found.push(
        ...quartzCronProblems(schedule.cronExpression, `${path}.connection.schedule.cronExpression`),
      );
    }
  } else if (schedule?.cronExpression !== undefined) {
    found.push(
      problem(`${path}.connection.schedule.cronExpression`, 'is only allowed when scheduleType is cron'),
    );
  }
  if (connection.namespaceFormat !== undefined && connection.namespaceDefinition !== 'custom_format') {
    found.push(
      problem(`${path}.connection.namespaceFormat`, 'is only used when namespaceDefinition is custom_format'),
    );
  }
  const seen = new Map<string, number>();
  (connection.streams ?? []).forEach((stream, i) => {
    const first = seen.get(stream.name);
    if (first !== undefined) {
      found.push(
        problem(
          `${path}.connection.streams[${i}].name`,
          `duplicates streams[${first}]: "${stream.name}" is listed twice`,
        ),
      );
    } else seen.set(stream.name, i);
    found.push(...streamProblems(stream, `${path}.connection.streams[${i}]`, fileSource));
  });
  return found;
};
