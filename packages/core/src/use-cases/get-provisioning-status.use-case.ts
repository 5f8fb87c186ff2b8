import type { CoreDeps } from './core-deps.js';
import type { GetProvisioningStatusUseCase } from './use-case.types.js';

/** RUNNING, COMPLETED or FAILED; a token never issued or expired is `UnknownTask`, not a failed task. */
export const makeGetProvisioningStatus =
  (deps: Pick<CoreDeps, 'provisioningTasks'>): GetProvisioningStatusUseCase =>
  (token) =>
    deps.provisioningTasks.get(token);
