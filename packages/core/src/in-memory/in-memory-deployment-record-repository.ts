/** Deployment records in process memory: enough for one instance; lost on restart, when Witboost's copy serves. */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { DeploymentRecordRepository } from '../ports/deployment-record-repository.port.js';

export class InMemoryDeploymentRecordRepository implements DeploymentRecordRepository {
  private readonly records = new Map<string, DeploymentRecord>();

  readonly get = (componentId: string): TE.TaskEither<ProvisioningError, O.Option<DeploymentRecord>> =>
    TE.fromIO(() => O.fromNullable(this.records.get(componentId)));

  readonly put = (componentId: string, record: DeploymentRecord): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIO(() => {
      this.records.set(componentId, record);
    });

  readonly remove = (componentId: string): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIO(() => {
      this.records.delete(componentId);
    });
}
