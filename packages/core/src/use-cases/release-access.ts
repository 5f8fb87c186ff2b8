/**
 * What an unprovision does to access (`AIRBYTE_ACL_MODE=workspace-role`): once the pipeline is removed,
 * the component's entries in the ACL ledger are released by the rules updateacl follows for a dropped ref
 * (see sync-access.ts). A permission this provisioner made is revoked only when no other component's entry
 * still needs it; one changed by hand since is forgotten, not revoked; one made by hand was never entered.
 *
 * An entry is removed only once its permission is dealt with, so an unprovision that fails half-way
 * (Airbyte down, an edition without permissions) still knows what is left, and sending it again converges.
 * It runs under updateacl's lock of the workspace (`acl:<workspaceId>`, a lease across replicas), so a
 * concurrent updateacl of another component cannot lose a grant it needs.
 */
import * as A from 'fp-ts/lib/ReadonlyArray.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { OperationFailure, OperationResult } from '../domain/operation-result.js';
import { accessNotReleased, type ProvisioningError } from '../errors/provisioning-error.js';
import type { AclGrant } from '../ports/acl-ledger.port.js';
import { accessCall, holderOf } from './access-steps.js';
import type { AccessSettings, CoreDeps } from './core-deps.js';
import { OperationJournal } from './operation-journal.js';

type ReleaseDeps = Pick<AccessSettings, 'gateway' | 'ledger' | 'organizationId'>;

/** What became of one entry. */
export type Released = 'revoked' | 'kept' | 'forgotten';

const PHASE = 'access';

const call = (step: string, componentId: string) =>
  accessCall(
    step,
    (status) =>
      `Airbyte has no role-based access here (it answered ${status} to "${step}"), so the access recorded for component ${componentId} can be neither checked nor revoked. Give the provisioner's Airbyte application back the right to manage permissions (an edition with RBAC, organization_admin), or set AIRBYTE_ACL_MODE=off to leave access alone`,
  );

/**
 * Deals with one entry's permission, then removes the entry (never before: a retry must still see it).
 * updateacl releases a dropped ref with it too.
 */
export const releaseGrant =
  (deps: ReleaseDeps, journal: OperationJournal, phase = PHASE) =>
  (grant: AclGrant): TE.TaskEither<ProvisioningError, Released> => {
    const forget = (outcome: Released) =>
      pipe(
        deps.ledger.remove(grant.componentId, grant.permissionId),
        TE.map(() => outcome),
      );
    return pipe(
      deps.ledger.grantsFor(grant.permissionId),
      TE.map((entries) => entries.filter((g) => g.componentId !== grant.componentId)),
      TE.chain((others): TE.TaskEither<ProvisioningError, Released> => {
        if (others.length > 0) {
          journal.info(
            `Kept ${grant.role} on workspace ${grant.workspaceId} for ${holderOf(grant)}: needed by component(s) ${others.map((g) => g.componentId).join(', ')}`,
            phase,
          );
          return forget('kept');
        }
        if (!grant.made) {
          journal.info(
            `Left permission ${grant.permissionId} of ${holderOf(grant)} as it is: this provisioner did not make it`,
            phase,
          );
          return forget('forgotten');
        }
        return pipe(
          call(
            `read the permissions of ${holderOf(grant)}`,
            grant.componentId,
          )(deps.gateway.permissionsOf(grant.principal, deps.organizationId)),
          TE.chain((permissions) => {
            const current = permissions.find((p) => p.id === grant.permissionId);
            if (current === undefined) {
              journal.info(
                `${holderOf(grant)} no longer holds permission ${grant.permissionId}: nothing to revoke`,
                phase,
              );
              return forget('forgotten');
            }
            if (current.permissionType !== grant.role || current.workspaceId !== grant.workspaceId) {
              journal.warn(
                `${holderOf(grant)}: permission ${grant.permissionId} was changed outside this provisioner (now ${current.permissionType}); forgotten, not revoked`,
                phase,
              );
              return forget('forgotten');
            }
            return pipe(
              call(
                `revoke ${grant.role} from ${holderOf(grant)}`,
                grant.componentId,
              )(deps.gateway.revoke(grant.principal, grant.permissionId)),
              TE.chain(() => {
                journal.info(
                  `Revoked ${grant.role} on workspace ${grant.workspaceId} from ${holderOf(grant)} (permission ${grant.permissionId}): no other component needs it`,
                  phase,
                );
                return forget('revoked');
              }),
            );
          }),
        );
      }),
    );
  };

/** One workspace's entries of the component, under that workspace's access lock, read again inside it. */
const releaseIn =
  (deps: ReleaseDeps & Pick<CoreDeps, 'lock'>, journal: OperationJournal, componentId: string) =>
  (workspaceId: string): TE.TaskEither<ProvisioningError, ReadonlyArray<Released>> =>
    deps.lock.withLock(
      `acl:${workspaceId}`,
      pipe(
        deps.ledger.grantsOf(componentId),
        TE.map((grants) => grants.filter((g) => g.workspaceId === workspaceId)),
        TE.chain(TE.traverseSeqArray(releaseGrant(deps, journal))),
      ),
      (error) => error,
    );

/** Releases every entry of the component, workspace by workspace; the first failure stops it. */
export const releaseComponentAccess = (
  deps: ReleaseDeps & Pick<CoreDeps, 'lock'>,
  journal: OperationJournal,
  componentId: string,
): TE.TaskEither<ProvisioningError, ReadonlyArray<Released>> =>
  pipe(
    deps.ledger.grantsOf(componentId),
    TE.map((grants) => [...new Set(grants.map((g) => g.workspaceId))]),
    TE.chain(TE.traverseSeqArray(releaseIn(deps, journal, componentId))),
    TE.map(A.flatten),
  );

const count = (outcomes: ReadonlyArray<Released>, outcome: Released): number =>
  outcomes.filter((o) => o === outcome).length;

const summary = (outcomes: ReadonlyArray<Released>): string =>
  `; its Airbyte access released (${count(outcomes, 'revoked')} revoked, ${count(outcomes, 'kept')} kept for other components, ${count(outcomes, 'forgotten')} forgotten)`;

/** After a failure, what the ledger still holds for the component: what the next attempt will release. */
const noteWhatIsLeft = (
  deps: ReleaseDeps,
  journal: OperationJournal,
  componentId: string,
): TE.TaskEither<never, void> =>
  pipe(
    deps.ledger.grantsOf(componentId),
    TE.map((left) => {
      if (left.length > 0)
        journal.warn(
          `Still recorded for this component, released by the next unprovision: ${left.map((g) => `${holderOf(g)} ${g.role} on workspace ${g.workspaceId} (permission ${g.permissionId})`).join(', ')}`,
          PHASE,
        );
    }),
    TE.orElseW(() => TE.right(undefined)),
  );

type Undeploy = (
  deps: CoreDeps,
) => (component: ValidatedComponent) => TE.TaskEither<OperationFailure, OperationResult>;

/**
 * The unprovision's operation followed, once the pipeline is removed, by the release of the component's
 * access; without access management (`AIRBYTE_ACL_MODE=off`), the operation alone. A failure of the
 * access part is a failure of the unprovision that says the pipeline is gone, with every log of both.
 */
export const releasingAccess =
  (undeploy: Undeploy): Undeploy =>
  (deps) =>
  (component) =>
    pipe(
      undeploy(deps)(component),
      TE.chain((result) => {
        const access = deps.access;
        if (access === undefined) return TE.right(result);
        const journal = new OperationJournal(deps.clock, deps.workspaceId);
        const settings = { ...access, lock: deps.lock };
        return pipe(
          releaseComponentAccess(settings, journal, component.componentId),
          TE.map((outcomes): OperationResult => ({
            ...result,
            message: outcomes.length === 0 ? result.message : `${result.message}${summary(outcomes)}`,
            logs: [...result.logs, ...journal.logs],
          })),
          TE.orElse((error) =>
            pipe(
              noteWhatIsLeft(settings, journal, component.componentId),
              TE.chain(() => {
                const failure = journal.failure(accessNotReleased(error), false);
                return TE.left({ ...failure, logs: [...result.logs, ...failure.logs] });
              }),
            ),
          ),
        );
      }),
    );
