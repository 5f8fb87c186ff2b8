/**
 * The deployment records that may tell where a component's resources are, most trusted first: our own
 * (the latest, written even when a deploy failed half-way) and the one the platform sent back in
 * `latestEnrichedDescriptor`. Each resource is looked up by every recorded id in turn before its name.
 */
import * as A from 'fp-ts/lib/ReadonlyArray.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { DeploymentRecordRepository } from '../ports/deployment-record-repository.port.js';

export type RecordPreference = 'ours-first' | 'platform-first';

export const knownRecords =
  (records: DeploymentRecordRepository, preference: RecordPreference) =>
  (component: ValidatedComponent): TE.TaskEither<ProvisioningError, ReadonlyArray<DeploymentRecord>> =>
    pipe(
      records.get(component.componentId),
      TE.map((ours) =>
        A.compact(preference === 'ours-first' ? [ours, component.previous] : [component.previous, ours]),
      ),
    );

/** The distinct ids recorded for one resource, in the records' order. */
export const recordedIds = (
  records: ReadonlyArray<DeploymentRecord>,
  field: 'sourceId' | 'destinationId' | 'connectionId',
): ReadonlyArray<string> => [...new Set(records.flatMap((r) => (r[field] === undefined ? [] : [r[field]])))];
