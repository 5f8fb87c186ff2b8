/**
 * updateacl with `AIRBYTE_ACL_MODE=workspace-role`: the refs are the whole set of users and groups that
 * hold the configured role on the component's workspace through this component.
 *
 * Every ref is resolved first (a user by email, a group by exact name); one that cannot be is a failure
 * listing all of them, before any change. Then what is missing is granted, and what this component no
 * longer lists is revoked, but only a permission this provisioner made, that no other component still
 * needs, and that nobody changed by hand since (such a one is forgotten, not deleted): the rules an
 * unprovision follows too (release-access.ts). A permission held
 * by other means (made by hand, or an organization role that covers the workspace) is noted and left.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  workspaceRoles,
  type AirbyteGroup,
  type AirbytePermission,
  type AirbyteUser,
  type Principal,
  type WorkspaceRole,
} from '../domain/access.js';
import type { OperationResult } from '../domain/operation-result.js';
import { problem, type Problem } from '../errors/problem.js';
import { invalidRequest, type ProvisioningError } from '../errors/provisioning-error.js';
import type { AccessGateway } from '../ports/access-gateway.port.js';
import type { AclGrant, AclLedger } from '../ports/acl-ledger.port.js';
import { accessCall, holderOf } from './access-steps.js';
import type { OperationJournal } from './operation-journal.js';
import { releaseGrant } from './release-access.js';

export interface AccessDeps {
  readonly gateway: AccessGateway;
  readonly ledger: AclLedger;
  readonly organizationId: string;
  readonly role: WorkspaceRole;
  readonly workspaceId: string;
}

interface Wanted {
  readonly ref: string;
  readonly principal: Principal;
}

/** `user:john.doe_example.com` → `john.doe@example.com` (the last `_` is the `@`). */
export const emailOfUserRef = (name: string): string => {
  if (name.includes('@')) return name;
  const at = name.lastIndexOf('_');
  return at < 0 ? name : `${name.slice(0, at)}@${name.slice(at + 1)}`;
};

type Parsed =
  | { readonly kind: 'user'; readonly ref: string; readonly email: string }
  | { readonly kind: 'group'; readonly ref: string; readonly name: string };

const parseRef = (ref: string): Parsed | undefined => {
  const [kind, ...rest] = ref.split(':');
  const name = rest.join(':').trim();
  if (name === '') return undefined;
  if (kind === 'user') return { kind: 'user', ref, email: emailOfUserRef(name).toLowerCase() };
  if (kind === 'group') return { kind: 'group', ref, name };
  return undefined;
};

const call = (step: string) =>
  accessCall(
    step,
    (status) =>
      `This Airbyte edition has no role-based access (it answered ${status} to "${step}"): updateacl cannot grant anything there. Use an edition with RBAC (Self-Managed Enterprise, Cloud Pro or Enterprise), or set AIRBYTE_ACL_MODE=off`,
  );

/** Every ref to an Airbyte user or group, or a failure listing each one that is not exactly one. */
const resolve = (
  deps: AccessDeps,
  refs: ReadonlyArray<string>,
): TE.TaskEither<ProvisioningError, ReadonlyArray<Wanted>> => {
  const parsed = refs.map((ref) => ({ ref, parsed: parseRef(ref) }));
  const emails = parsed.flatMap((p) => (p.parsed?.kind === 'user' ? [p.parsed.email] : []));
  const needsGroups = parsed.some((p) => p.parsed?.kind === 'group');
  return pipe(
    TE.Do,
    TE.bind('users', () =>
      emails.length === 0
        ? TE.right<ProvisioningError, ReadonlyArray<AirbyteUser>>([])
        : call('find the users by email')(deps.gateway.findUsersByEmail(deps.organizationId, emails)),
    ),
    TE.bind('groups', () =>
      needsGroups
        ? call('list the groups')(deps.gateway.listGroups(deps.organizationId))
        : TE.right<ProvisioningError, ReadonlyArray<AirbyteGroup>>([]),
    ),
    TE.chainEitherK(({ users, groups }) => {
      const problems: Problem[] = [];
      const wanted: Wanted[] = [];
      for (const { ref, parsed: p } of parsed) {
        if (p === undefined) {
          problems.push(problem('refs', `${ref}: not a user:<name> or group:<name> reference`));
        } else if (p.kind === 'user') {
          const user = users.find((u) => u.email.toLowerCase() === p.email);
          if (user === undefined)
            problems.push(problem('refs', `${ref}: no Airbyte user with email ${p.email}`));
          else wanted.push({ ref, principal: { kind: 'user', id: user.id } });
        } else {
          const named = groups.filter((g) => g.name === p.name);
          const [only, ...others] = named;
          if (only !== undefined && others.length === 0)
            wanted.push({ ref, principal: { kind: 'group', id: only.id } });
          else
            problems.push(
              problem(
                'refs',
                only === undefined
                  ? `${ref}: no Airbyte group named "${p.name}"`
                  : `${ref}: ${named.length} Airbyte groups are named "${p.name}" (${named.map((g) => g.id).join(', ')})`,
              ),
            );
        }
      }
      return problems.length === 0
        ? { _tag: 'Right', right: wanted }
        : { _tag: 'Left', left: invalidRequest(problems) };
    }),
  );
};

const rank = (type: string): number =>
  workspaceRoles.findIndex(
    (r) => r.replace('workspace_', '') === type.replace(/^(workspace|organization)_/, ''),
  );

/** An organization role at least as strong as the workspace role covers every workspace of it. */
const covers = (permission: AirbytePermission, role: WorkspaceRole): boolean =>
  permission.permissionType.startsWith('organization_') && rank(permission.permissionType) >= rank(role);

/** Makes sure one wanted user or group holds the role, and records this component's need of it. */
const ensure =
  (deps: AccessDeps, journal: OperationJournal, componentId: string, counts: { granted: number }) =>
  (wanted: Wanted): TE.TaskEither<ProvisioningError, void> => {
    const who = holderOf(wanted);
    const entry = (permissionId: string, made: boolean): AclGrant => ({
      componentId,
      principal: wanted.principal,
      ref: wanted.ref,
      workspaceId: deps.workspaceId,
      role: deps.role,
      permissionId,
      made,
    });
    return pipe(
      call(`read the permissions of ${who}`)(
        deps.gateway.permissionsOf(wanted.principal, deps.organizationId),
      ),
      TE.chain((permissions) => {
        const onWorkspace = permissions.find((p) => p.workspaceId === deps.workspaceId);
        if (onWorkspace !== undefined) {
          return pipe(
            deps.ledger.grantsFor(onWorkspace.id),
            TE.chain((others) => {
              const ours = others.filter((g) => g.role === onWorkspace.permissionType);
              if (ours.length > 0) {
                journal.info(
                  `${who} already holds ${onWorkspace.permissionType} on the workspace`,
                  'updateacl',
                );
                return deps.ledger.put(
                  entry(
                    onWorkspace.id,
                    ours.some((g) => g.made),
                  ),
                );
              }
              journal.info(
                `${who} holds ${onWorkspace.permissionType} on the workspace, given outside this provisioner: left as it is`,
                'updateacl',
              );
              return TE.right(undefined);
            }),
          );
        }
        const covering = permissions.find((p) => covers(p, deps.role));
        if (covering !== undefined) {
          journal.info(
            `${who} holds ${covering.permissionType} on the organization, which covers ${deps.role}: left alone`,
            'updateacl',
          );
          return TE.right(undefined);
        }
        return pipe(
          call(`grant ${deps.role} to ${who}`)(
            deps.gateway.grant(wanted.principal, deps.workspaceId, deps.role),
          ),
          TE.chain((granted) => {
            counts.granted += 1;
            journal.info(
              `Granted ${deps.role} on the workspace to ${who} (permission ${granted.id})`,
              'updateacl',
            );
            return deps.ledger.put(entry(granted.id, true));
          }),
        );
      }),
    );
  };

const sameId = (a: Principal, b: Principal): boolean => a.kind === b.kind && a.id === b.id;

export const syncAccess = (
  deps: AccessDeps,
  journal: OperationJournal,
  componentId: string,
  refs: ReadonlyArray<string>,
): TE.TaskEither<ProvisioningError, OperationResult> => {
  const counts = { granted: 0, revoked: 0 };
  return pipe(
    resolve(deps, refs),
    TE.bindTo('wanted'),
    TE.bind('held', () => deps.ledger.grantsOf(componentId)),
    TE.chainFirst(({ wanted }) => TE.traverseSeqArray(ensure(deps, journal, componentId, counts))(wanted)),
    TE.chainFirst(({ wanted, held }) =>
      pipe(
        held.filter((g) => !wanted.some((w) => sameId(w.principal, g.principal))),
        TE.traverseSeqArray(releaseGrant(deps, journal, 'updateacl')),
        TE.map((outcomes) => {
          counts.revoked += outcomes.filter((o) => o === 'revoked').length;
        }),
      ),
    ),
    TE.map(({ wanted }) => ({
      message: `Access updated: ${wanted.length} user(s) and group(s) hold ${deps.role} on the Airbyte workspace through this component (${counts.granted} granted, ${counts.revoked} revoked)`,
      info: {
        publicInfo: {
          airbyteAccess: {
            type: 'string' as const,
            label: `Airbyte ${deps.role}`,
            value: wanted.map((w) => w.ref).join(', ') || '(nobody)',
          },
        },
        privateInfo: {},
      },
      logs: journal.logs,
    })),
  );
};
