/**
 * What commands print on stdout: short text for people, or one JSON document with `--json`. Nothing here
 * can print a secret: results and plans carry none (ids, names, field paths, fingerprints at most).
 */
import {
  describeError,
  formatProblem,
  type LogEntry,
  type OperationFailure,
  type OperationResult,
  type Problem,
  type ProvisioningError,
} from '@airbyte-provisioner/core';
import { adviceFor, type AdviceContext } from './advice.js';
import { locatedProblems, type ProblemSource } from './problem-lines.js';

export const problemLines = (problems: ReadonlyArray<Problem>, source?: ProblemSource): string =>
  (source === undefined ? problems.map(formatProblem) : locatedProblems(problems, source))
    .map((line) => `  - ${line}\n`)
    .join('');

/** The problems under a title; with their `file:line:column` when the text they come from is known. */
export const renderProblems = (
  title: string,
  problems: ReadonlyArray<Problem>,
  source?: ProblemSource,
): string =>
  `${title} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problemLines(problems, source)}`;

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

/** The core's one-line description; an invalid request's problems one per line, located in `source`. */
export const errorSummary = (error: ProvisioningError, source?: ProblemSource): string =>
  error._tag === 'InvalidRequest'
    ? renderProblems('The request is invalid', error.problems, source).trimEnd()
    : describeError(error);

/** A log entry that only repeats the failure printed above it: the failure is told once. */
const repeatsFailure = (entry: LogEntry, error: ProvisioningError): boolean => {
  if (entry.level !== 'ERROR') return false;
  switch (error._tag) {
    case 'InvalidRequest':
      return error.problems.some((p) => formatProblem(p) === entry.message);
    case 'AirbyteFailure':
      return entry.message.includes(error.error.detail);
    case 'StateConflict':
    case 'StateUnavailable':
    case 'Internal':
    case 'Unsupported':
      return entry.message.includes(error.message);
    case 'UnknownTask':
      return false;
    case 'AccessNotReleased':
      return repeatsFailure(entry, error.cause);
  }
};

export interface FailureContext extends AdviceContext {
  /** The text the request came from, to locate descriptor problems in it. */
  readonly source?: ProblemSource;
}

export const renderFailure = (failure: OperationFailure, context: FailureContext = {}): string => {
  const steps = failure.logs.filter((entry) => !repeatsFailure(entry, failure.error));
  const advice = adviceFor(failure.error, context);
  return [
    `Failed. ${errorSummary(failure.error, context.source)}`,
    ...(advice === undefined ? [] : [`What to do: ${advice}`]),
    ...(steps.length > 0 ? ['Steps:', ...steps.map(renderLog)] : []),
    '',
  ].join('\n');
};

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
