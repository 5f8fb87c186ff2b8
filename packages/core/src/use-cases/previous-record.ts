/**
 * The deployment record to start from: our own (the latest, written even when a deploy failed half-way),
 * else the one the platform sent back in `latestEnrichedDescriptor`.
 */
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { DeploymentRecordRepository } from '../ports/deployment-record-repository.port.js';

export const previousRecord =
  (records: DeploymentRecordRepository) =>
  (component: ValidatedComponent): TE.TaskEither<ProvisioningError, O.Option<DeploymentRecord>> =>
    pipe(records.get(component.componentId), TE.map(O.alt(() => component.previous)));
