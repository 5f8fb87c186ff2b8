/**
 * `ReverseProvisioningStatus` (2.2.0): `updates` is required in every state, so a running or failed task
 * answers `{}`; a failure says why in `logs`.
 */
import type { ReverseProvisioningResult, TaskView } from '@airbyte-provisioner/core';

export const reverseProvisioningStatus = (view: TaskView<ReverseProvisioningResult>) => {
  switch (view.status) {
    case 'RUNNING':
      return { status: 'RUNNING' as const, updates: {} };
    case 'COMPLETED':
      return { status: 'COMPLETED' as const, updates: view.value.updates, logs: view.value.logs };
    case 'FAILED':
      return { status: 'FAILED' as const, updates: {}, logs: view.failure.logs };
  }
};
