/**
 * Hand-written use cases, for answers the real ones give only at awkward moments (a task still RUNNING,
 * a validation task that FAILED, a bug that throws).
 */
import type {
  OperationFailure,
  OperationResult,
  ProvisioningError,
  TaskView,
  ValidationOutcome,
} from '@airbyte-provisioner/core';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { HttpUseCases } from '../../src/index.js';

export const sampleResult: OperationResult = {
  message: 'Deployed',
  info: {
    publicInfo: {
      connection: { type: 'link', label: 'Connection', value: 'orders', href: 'http://airbyte/c/1' },
    },
    privateInfo: { airbyte: { workspaceId: 'w', connectionId: 'c-1' } },
  },
  logs: [{ timestamp: '2026-01-01T00:00:00.000Z', level: 'INFO', message: 'Created connection "orders"' }],
};

export const failure = (error: ProvisioningError): OperationFailure => ({
  error,
  logs: [{ timestamp: '2026-01-01T00:00:00.000Z', level: 'ERROR', message: 'step failed', phase: 'deploy' }],
});

/** Status routes that answer `view` for any token. */
export const statusUseCases = (
  provisioning: TaskView<OperationResult>,
  validation: TaskView<ValidationOutcome>,
): Partial<HttpUseCases> => ({
  getProvisioningStatus: () => TE.right(provisioning),
  getValidationStatus: () => TE.right(validation),
});

/** Every operation fails with `error` (sync: the use case; async: the submit). */
export const failingUseCases = (error: ProvisioningError): Partial<HttpUseCases> => ({
  plan: () => TE.left(failure(error)),
  provision: () => TE.left(failure(error)),
  unprovision: () => TE.left(failure(error)),
  submitProvision: () => TE.left(failure(error)),
  submitUnprovision: () => TE.left(failure(error)),
  updateAcl: () => TE.left(failure(error)),
  submitUpdateAcl: () => TE.left(failure(error)),
  getProvisioningStatus: () => TE.left(error),
  getValidationStatus: () => TE.left(error),
  checkReady: () => TE.left(error),
});

/** A bug: the use case throws (or its promise rejects) with internals in the message. */
export const throwingUseCases = (message: string): Partial<HttpUseCases> => ({
  validate: () => () => Promise.reject(new Error(message)),
  provision: () => {
    throw new Error(message);
  },
  submitProvision: () => () => Promise.reject(new Error(message)),
});
