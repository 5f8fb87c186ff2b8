/** Encoders from use-case results to the API's response bodies. */
import {
  formatProblem,
  type LogEntry,
  type OperationFailure,
  type OperationResult,
  type TaskView,
  type ValidationOutcome,
} from '@airbyte-provisioner/core';
import { describeError } from './error-response.js';

export const completedStatus = (result: OperationResult) => ({
  status: 'COMPLETED' as const,
  result: result.message,
  info: result.info,
  logs: result.logs,
});

/** `result` says what failed and what to do about it: Witboost shows it to the user as is. */
export const failedStatus = (failure: OperationFailure) => {
  const { message, solutions } = describeError(failure.error);
  return {
    status: 'FAILED' as const,
    result: [message, ...solutions].join(' '),
    ...(failure.info === undefined ? {} : { info: failure.info }),
    logs: failure.logs,
  };
};

/**
 * A RUNNING task shows what it published so far (a followed sync job's progress) in `logs`, and its latest
 * step in `result`, the one field the legacy `ProvisioningStatus` has.
 */
const runningStatus = (logs: ReadonlyArray<LogEntry> | undefined) => {
  const latest = logs?.at(-1);
  return {
    status: 'RUNNING' as const,
    result:
      latest === undefined ? 'The operation is running.' : `The operation is running: ${latest.message}`,
    ...(logs === undefined ? {} : { logs }),
  };
};

export const provisioningStatus = (view: TaskView<OperationResult>) => {
  switch (view.status) {
    case 'RUNNING':
      return runningStatus(view.logs);
    case 'COMPLETED':
      return completedStatus(view.value);
    case 'FAILED':
      return failedStatus(view.failure);
  }
};

export const validationResult = (outcome: ValidationOutcome) =>
  outcome.valid ? { valid: true } : { valid: false, error: { errors: outcome.problems.map(formatProblem) } };

export const validationStatus = (view: TaskView<ValidationOutcome>) => {
  switch (view.status) {
    case 'RUNNING':
      return { status: 'RUNNING' as const };
    case 'COMPLETED':
      return { status: 'COMPLETED' as const, info: { publicInfo: validationResult(view.value) } };
    case 'FAILED': {
      // ValidationStatus has no field for the cause; the result's errors are where Witboost shows text
      const { message, solutions } = describeError(view.failure.error);
      const errors = [[message, ...solutions].join(' ')];
      return { status: 'FAILED' as const, info: { publicInfo: { valid: false, error: { errors } } } };
    }
  }
};
