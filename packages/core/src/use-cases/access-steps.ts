/**
 * What updateacl (sync-access.ts) and an unprovision's release of access (release-access.ts) share: how a
 * call to Airbyte's permission routes fails, and how a user or group is named in the logs. Both deal with
 * entries one by one (`TE.traverseSeqArray`): each may read what the one before wrote.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from '../domain/access.js';
import type { AirbyteError } from '../errors/airbyte-error.js';
import { airbyteFailure, unsupported, type ProvisioningError } from '../errors/provisioning-error.js';

/** Where role-based access is missing (or was taken from the provisioner), Airbyte answers 404 or 403. */
const noRbacStatus = (error: AirbyteError): 403 | 404 | undefined =>
  error._tag === 'AirbyteNotFound'
    ? 404
    : error._tag === 'AirbyteUnauthorized' && error.status === 403
      ? 403
      : undefined;

/**
 * One call to Airbyte's access routes as the step `step`: an answer that says role-based access is missing
 * is unsupported, with `noRbac`'s message for that status; any other error, a failure of the step.
 */
export const accessCall =
  (step: string, noRbac: (status: 403 | 404) => string) =>
  <T>(task: TE.TaskEither<AirbyteError, T>): TE.TaskEither<ProvisioningError, T> =>
    pipe(
      task,
      TE.mapLeft((error) => {
        const status = noRbacStatus(error);
        return status === undefined ? airbyteFailure(step, error) : unsupported(noRbac(status));
      }),
    );

/** `user:jane.doe_example.com (user 1234…)`: the ref a descriptor gave, and whom it resolved to. */
export const holderOf = (holder: { readonly principal: Principal; readonly ref: string }): string =>
  `${holder.ref} (${holder.principal.kind} ${holder.principal.id})`;
