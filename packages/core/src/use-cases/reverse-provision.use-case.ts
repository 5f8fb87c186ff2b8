import * as TE from 'fp-ts/lib/TaskEither.js';
import { unsupported } from '../errors/provisioning-error.js';
import type { ReverseProvisionUseCase } from './use-case.types.js';

/** Airbyte workloads are declared in descriptors, never imported from Airbyte: nothing to reverse. */
export const makeReverseProvision = (): ReverseProvisionUseCase => () =>
  TE.left(
    unsupported(
      'This provisioner has no reverse provisioning: Airbyte workloads are declared in the descriptor, not imported from Airbyte',
    ),
  );
