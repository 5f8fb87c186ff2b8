/**
 * The last `DeploymentRecord` (Airbyte ids and secret fingerprints) per component id, kept by the
 * provisioner itself. A re-deploy whose request carries no `latestEnrichedDescriptor` (the CLI, or a
 * platform that did not store `info` yet), or a retry after a failure, still finds what was created.
 */
import type { Option } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import { portToken } from './port-token.js';

export interface DeploymentRecordRepository {
  readonly get: (componentId: string) => TaskEither<ProvisioningError, Option<DeploymentRecord>>;
  readonly put: (componentId: string, record: DeploymentRecord) => TaskEither<ProvisioningError, void>;
  /** Removing a record that does not exist succeeds. */
  readonly remove: (componentId: string) => TaskEither<ProvisioningError, void>;
}

export const DeploymentRecordRepositoryToken = portToken<DeploymentRecordRepository>(
  'DeploymentRecordRepository',
);
