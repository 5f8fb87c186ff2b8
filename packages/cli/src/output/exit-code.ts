/** The CLI's exit codes: 0 ok, 1 the input (request, descriptor, configuration) is wrong, 2 Airbyte or the system failed. */
import type { ProvisioningError } from '@airbyte-provisioner/core';

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_FAILURE = 2;

/** `plan --detailed-exitcode` only: changes are pending (2), and a failure is 3 to tell the two apart. */
export const EXIT_CHANGES_PENDING = 2;
export const EXIT_DETAILED_FAILURE = 3;

export type ExitCode =
  typeof EXIT_OK | typeof EXIT_INVALID_INPUT | typeof EXIT_FAILURE | typeof EXIT_DETAILED_FAILURE;

export const exitCodeOf = (error: ProvisioningError): ExitCode => {
  switch (error._tag) {
    case 'InvalidRequest':
    case 'Unsupported':
    case 'UnknownTask':
      return EXIT_INVALID_INPUT;
    case 'StateConflict':
    case 'AirbyteFailure':
    case 'StateUnavailable':
    case 'Internal':
    case 'AccessNotReleased':
      return EXIT_FAILURE;
  }
};
