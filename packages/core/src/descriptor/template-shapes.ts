/**
 * What real descriptors made from the Witboost Airbyte template hold that the strict shapes would refuse
 * or drop without a word: an empty `dbtGitUrl` (YAML null), blank destination `database`/`schema`, the
 * keys the original Scala provisioner read, YAML 1.1 booleans. The raw `specific` is normalized before it
 * is decoded, and every accommodation that changes meaning is told as a warning.
 */

type Mapping = Record<string, unknown>;

const isMapping = (u: unknown): u is Mapping => typeof u === 'object' && u !== null && !Array.isArray(u);

const isBlank = (u: unknown): boolean => u === null || (typeof u === 'string' && u.trim() === '');

// YAML 1.2 (what this provisioner reads) takes these as text; YAML 1.1 (what many tools still write) as booleans
const yaml11Booleans: Readonly<Record<string, boolean>> = Object.fromEntries([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
]);

/** The boolean a YAML 1.1 reader would see in this value, if it is one of YAML 1.1's boolean words. */
export const yaml11Boolean = (u: unknown): boolean | undefined =>
  typeof u === 'string' && Object.hasOwn(yaml11Booleans, u) ? yaml11Booleans[u] : undefined;

export const yaml11BooleanWarning = (path: string, text: string, value: boolean): string =>
  `${path}: ${JSON.stringify(text)} is a YAML 1.1 boolean and is read as ${value}; write ${value} (in YAML 1.2, which this provisioner reads, ${JSON.stringify(text)} is text)`;

/** Keys the original provisioner read, and what says the same thing now. */
const legacyKeys: ReadonlyArray<{
  readonly at: ReadonlyArray<string>;
  readonly key: string;
  readonly instead: string;
}> = [
  {
    at: [],
    key: 'workspaceId',
    instead: 'the workspace is the provisioner’s own (AIRBYTE_WORKSPACE_ID), the same for every component',
  },
  {
    at: ['source'],
    key: 'sourceDefinitionId',
    instead: 'use source.sourceType (a connector type such as file, the default) or source.definitionId',
  },
  {
    at: ['destination'],
    key: 'destinationDefinitionId',
    instead:
      'use destination.destinationType (a connector type such as snowflake, the default) or destination.definitionId',
  },
  {
    at: ['connection'],
    key: 'scheduleType',
    instead:
      'use connection.schedule.scheduleType (manual, the default, or cron with connection.schedule.cronExpression)',
  },
];

export interface NormalizedSpecific {
  /** The `specific` to decode: a copy where something was changed, else the value itself. */
  readonly specific: unknown;
  readonly warnings: ReadonlyArray<string>;
}

const withPart = (specific: Mapping, key: string, part: Mapping): Mapping => ({ ...specific, [key]: part });

const withoutKeys = (mapping: Mapping, keys: ReadonlyArray<string>): Mapping =>
  Object.fromEntries(Object.entries(mapping).filter(([key]) => !keys.includes(key)));

const normalizeConnection = (connection: Mapping, path: string, warnings: string[]): Mapping => {
  let result = connection;
  const dbt = connection['dbtGitUrl'];
  // the 2023 template renders `dbtGitUrl:` (null) whenever no dbt step was chosen
  if (isBlank(dbt)) result = withoutKeys(result, ['dbtGitUrl']);
  else if (dbt !== undefined) {
    warnings.push(
      `${path}.dbtGitUrl is accepted for compatibility and ignored: this provisioner runs no dbt transformation`,
    );
  }
  const sync = connection['syncOnProvision'];
  const asBoolean = yaml11Boolean(sync);
  if (asBoolean !== undefined && typeof sync === 'string') {
    warnings.push(yaml11BooleanWarning(`${path}.syncOnProvision`, sync, asBoolean));
    result = { ...result, syncOnProvision: asBoolean };
  }
  return result;
};

/** Blank `database`/`schema` of a destination are left out, so that their defaults apply. */
const normalizeDestination = (destination: Mapping): Mapping => {
  const configuration = destination['connectionConfiguration'];
  if (!isMapping(configuration)) return destination;
  const blank = ['database', 'schema'].filter(
    (key) => Object.hasOwn(configuration, key) && isBlank(configuration[key]),
  );
  return blank.length === 0
    ? destination
    : { ...destination, connectionConfiguration: withoutKeys(configuration, blank) };
};

export const normalizeTemplateShapes = (specific: unknown, path: string): NormalizedSpecific => {
  if (!isMapping(specific)) return { specific, warnings: [] };
  const warnings: string[] = [];
  for (const { at, key, instead } of legacyKeys) {
    const holder = at.length === 0 ? specific : specific[at[0]!];
    if (isMapping(holder) && holder[key] !== undefined) {
      const where = [path, ...at, key].join('.');
      warnings.push(`${where} was read by the original provisioner and is ignored: ${instead}`);
    }
  }
  let result = specific;
  const connection = specific['connection'];
  if (isMapping(connection)) {
    result = withPart(result, 'connection', normalizeConnection(connection, `${path}.connection`, warnings));
  }
  const destination = specific['destination'];
  if (isMapping(destination)) {
    const normalized = normalizeDestination(destination);
    if (normalized !== destination) result = withPart(result, 'destination', normalized);
  }
  return { specific: result, warnings };
};
