/**
 * What commands print on stdout: short text for people, or one JSON document with `--json`. Nothing here
 * can print a secret: results and plans carry none (ids, names, field paths, fingerprints at most).
 */
import {
  formatProblem,
  type LogEntry,
  type OperationFailure,
  type OperationResult,
  type PlannedChange,
  type Problem,
  type ProvisioningError,
} from '@airbyte-provisioner/core';

export const problemLines = (problems: ReadonlyArray<Problem>): string =>
  problems.map((p) => `  - ${formatProblem(p)}\n`).join('');

export const renderProblems = (title: string, problems: ReadonlyArray<Problem>): string =>
  `${title} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problemLines(problems)}`;

const ACTION_WIDTH = 'replace'.length;

export const renderChange = (change: PlannedChange): string => {
  const what = `${change.kind} "${change.name}"${change.id === undefined ? '' : ` (${change.id})`}`;
  const detail =
    change.changedFields !== undefined && change.changedFields.length > 0
      ? `: changes ${change.changedFields.join(', ')}`
      : change.reason !== undefined
        ? `: ${change.reason}`
        : '';
  return `${change.action.padEnd(ACTION_WIDTH)} ${what}${detail}`;
};

export const renderPlan = (changes: ReadonlyArray<PlannedChange>): string => {
  const writes = changes.filter((c) => c.action !== 'noop').length;
  const summary = writes === 0 ? 'Nothing to change.' : `${writes} of ${changes.length} resources change.`;
  return `${changes.map(renderChange).join('\n')}\n${summary}\n`;
};

const renderLog = (entry: LogEntry): string => `  [${entry.level}] ${entry.message}`;

export const renderResult = (result: OperationResult): string => {
  const info = Object.values(result.info.publicInfo).map(
    (entry) =>
      `  ${entry.label}: ${entry.value}${entry.href === undefined || entry.href === entry.value ? '' : ` (${entry.href})`}`,
  );
  return [
    result.message,
    ...(result.logs.length > 0 ? ['Steps:', ...result.logs.map(renderLog)] : []),
    ...(info.length > 0 ? ['Info:', ...info] : []),
    '',
  ].join('\n');
};

export const errorSummary = (error: ProvisioningError): string => {
  switch (error._tag) {
    case 'InvalidRequest':
      return renderProblems('The request is invalid', error.problems).trimEnd();
    case 'Unsupported':
      return error.message;
    case 'UnknownTask':
      return `No task with token ${error.token}`;
    case 'StateConflict':
      return `Stopped at "${error.step}": ${error.message}${error.ids.length > 0 ? ` (ids: ${error.ids.join(', ')})` : ''}`;
    case 'AirbyteFailure':
      return `Airbyte failed at "${error.step}" (${error.error._tag}): ${error.error.detail}`;
    case 'StateUnavailable':
      return `The state store is unavailable: ${error.message}`;
    case 'Internal':
      return `Internal error: ${error.message}`;
  }
};

export const renderFailure = (failure: OperationFailure): string =>
  [
    `Failed. ${errorSummary(failure.error)}`,
    ...(failure.logs.length > 0 ? ['Steps:', ...failure.logs.map(renderLog)] : []),
    '',
  ].join('\n');

/** The JSON documents of `--json`, shaped like the API's `ProvisioningStatus`. */
export const resultJson = (result: OperationResult): unknown => ({
  status: 'COMPLETED',
  result: result.message,
  info: result.info,
  logs: result.logs,
});

export const failureJson = (failure: OperationFailure): unknown => ({
  status: 'FAILED',
  result: errorSummary(failure.error),
  error: failure.error,
  logs: failure.logs,
  ...(failure.info === undefined ? {} : { info: failure.info }),
});
