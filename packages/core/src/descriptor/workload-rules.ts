/**
 * Rules across fields of a workload `specific`, each returning every problem it finds (applicative style:
 * they all run, their problems are concatenated). They read the raw value, not the decoded one, so they
 * run even when some field has the wrong type: a rule whose inputs are ill-typed stays silent (decoding
 * reports those), and the others are still told in the same answer.
 */
import { syncModes, type SyncMode } from '../domain/desired-state.js';
import { problem, type Problem } from '../errors/problem.js';
import { quartzCronProblems } from './quartz-cron.js';
import { fileFormats, fileStorages } from './workload-spec.codec.js';

type Mapping = Readonly<Record<string, unknown>>;

const isMapping = (u: unknown): u is Mapping => typeof u === 'object' && u !== null && !Array.isArray(u);

/** The mapping at `key`, or an empty one: absent and ill-typed parts have no rules of their own. */
const mappingAt = (parent: unknown, key: string): Mapping => {
  const value = isMapping(parent) ? parent[key] : undefined;
  return isMapping(value) ? value : {};
};

const isSyncMode = (u: unknown): u is SyncMode => typeof u === 'string' && syncModes.includes(u as SyncMode);

const isIncremental = (mode: SyncMode): boolean => mode.startsWith('incremental_');

const fileSourceProblems = (configuration: unknown, path: string): ReadonlyArray<Problem> => {
  if (!isMapping(configuration)) return [];
  const found: Problem[] = [];
  const format = configuration['format'];
  if (format !== undefined && (typeof format !== 'string' || !fileFormats.includes(format))) {
    found.push(
      problem(`${path}.format`, `must be one of ${fileFormats.join(', ')}; got ${JSON.stringify(format)}`),
    );
  }
  const provider = configuration['provider'];
  if (provider !== undefined) {
    const storage = isMapping(provider) ? provider['storage'] : undefined;
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

/**
 * Sync mode and cursor, as far as they can be judged without asking the source. An incremental mode
 * without a cursorField is accepted: Airbyte then uses the source's default cursor, and whether the source
 * has one is only known from stream discovery (the planner checks the modes a discovered stream offers).
 * The File source is known here: it reads the whole file on every sync and offers full refresh only.
 */
const streamProblems = (stream: Mapping, path: string, fileSource: boolean): ReadonlyArray<Problem> => {
  const found: Problem[] = [];
  const mode = isSyncMode(stream['syncMode']) ? stream['syncMode'] : undefined;
  if (fileSource && mode !== undefined && isIncremental(mode)) {
    found.push(
      problem(
        `${path}.syncMode`,
        `${mode} is not possible with a File source, which reads the whole file on every sync; use a full refresh mode (${syncModes.filter((m) => !isIncremental(m)).join(', ')})`,
      ),
    );
  }
  const cursorField = stream['cursorField'];
  if (Array.isArray(cursorField)) {
    if (cursorField.length === 0) {
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

const streamsProblems = (streams: unknown, path: string, fileSource: boolean): ReadonlyArray<Problem> => {
  if (!Array.isArray(streams)) return [];
  const found: Problem[] = [];
  const seen = new Map<string, number>();
  streams.forEach((stream: unknown, i) => {
    if (!isMapping(stream)) return;
    const name = stream['name'];
    if (typeof name === 'string' && name.trim() !== '') {
      const first = seen.get(name);
      if (first !== undefined) {
        found.push(
          problem(
            `${path}[${i}].name`,
            `duplicates streams[${first}]: ${JSON.stringify(name)} is listed twice`,
          ),
        );
      } else seen.set(name, i);
    }
    found.push(...streamProblems(stream, `${path}[${i}]`, fileSource));
  });
  return found;
};

const scheduleProblems = (schedule: Mapping, path: string): ReadonlyArray<Problem> => {
  const { scheduleType, cronExpression } = schedule;
  if (scheduleType === 'cron') {
    if (cronExpression === undefined) {
      return [problem(`${path}.cronExpression`, 'is required when scheduleType is cron')];
    }
    return typeof cronExpression === 'string'
      ? quartzCronProblems(cronExpression, `${path}.cronExpression`)
      : [];
  }
  return scheduleType === 'manual' && cronExpression !== undefined
    ? [problem(`${path}.cronExpression`, 'is only allowed when scheduleType is cron')]
    : [];
};

const namespaceProblems = (connection: Mapping, path: string): ReadonlyArray<Problem> => {
  const definition = connection['namespaceDefinition'];
  const knownDefinition = definition === undefined || definition === 'source' || definition === 'destination';
  return connection['namespaceFormat'] !== undefined && knownDefinition
    ? [problem(`${path}.namespaceFormat`, 'is only used when namespaceDefinition is custom_format')]
    : [];
};

/** A sync needs an active connection; waiting, a sync to wait for; the wait's settings, a wait. */
const syncProblems = (connection: Mapping, path: string): ReadonlyArray<Problem> => {
  const policy = connection['syncOnProvision'];
  const syncs = policy === true || ['onCreate', 'onChange', 'always'].includes(String(policy));
  const found: Problem[] = [];
  if (syncs && connection['status'] === 'inactive') {
    found.push(
      problem(
        `${path}.syncOnProvision`,
        'an inactive connection cannot sync; set status: active, or syncOnProvision: never',
      ),
    );
  }
  if (connection['waitForSync'] === true && !syncs) {
    found.push(problem(`${path}.waitForSync`, 'there is no sync to wait for: set syncOnProvision too'));
  }
  for (const key of ['syncTimeoutSeconds', 'onSyncTimeout']) {
    if (connection[key] !== undefined && connection['waitForSync'] !== true) {
      found.push(problem(`${path}.${key}`, 'is only used with waitForSync: true'));
    }
  }
  return found;
};

export const workloadProblems = (
  specific: unknown,
  path: string,
  fileSourceRules = true,
): ReadonlyArray<Problem> => {
  const source = mappingAt(specific, 'source');
  const destination = mappingAt(specific, 'destination');
  const connection = mappingAt(specific, 'connection');
  const found: Problem[] = [];
  if (source['sourceType'] !== undefined && source['definitionId'] !== undefined) {
    found.push(problem(`${path}.source`, 'set either sourceType or definitionId, not both'));
  }
  if (destination['destinationType'] !== undefined && destination['definitionId'] !== undefined) {
    found.push(problem(`${path}.destination`, 'set either destinationType or definitionId, not both'));
  }
  const fileSource =
    source['definitionId'] === undefined &&
    (source['sourceType'] === undefined || source['sourceType'] === 'file');
  if (fileSource && fileSourceRules) {
    found.push(
      ...fileSourceProblems(source['connectionConfiguration'], `${path}.source.connectionConfiguration`),
    );
  }
  found.push(
    ...scheduleProblems(mappingAt(connection, 'schedule'), `${path}.connection.schedule`),
    ...namespaceProblems(connection, `${path}.connection`),
    ...syncProblems(connection, `${path}.connection`),
    ...streamsProblems(connection['streams'], `${path}.connection.streams`, fileSource),
  );
  return found;
};
