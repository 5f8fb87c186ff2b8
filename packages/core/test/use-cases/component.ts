import * as O from 'fp-ts/lib/Option.js';
import type { ValidatedComponent } from '../../src/descriptor/index.js';
import type { DeploymentRecord, DesiredState, OperationResult } from '../../src/domain/index.js';
import { desired as baseDesired } from '../planner/fixtures.js';

export const componentOf = (
  desired: DesiredState = baseDesired,
  previous: O.Option<DeploymentRecord> = O.none,
  warnings: ReadonlyArray<string> = [],
): ValidatedComponent => ({
  dataProduct: { id: 'urn:dmb:dp:sales:orders:0' },
  componentId: 'urn:dmb:cmp:sales:orders:0:airbyte',
  desired,
  previous,
  warnings,
});

export const recordOf = (result: OperationResult): DeploymentRecord =>
  result.info.privateInfo['airbyte'] as unknown as DeploymentRecord;

export { baseDesired };
