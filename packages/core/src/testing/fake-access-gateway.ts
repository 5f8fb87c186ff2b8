/**
 * An Airbyte organization's users, groups and permissions in memory, behind the AccessGateway port; or,
 * with `rbac: false`, an edition without them (every call answers 404).
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import type {
  AirbyteGroup,
  AirbytePermission,
  AirbyteUser,
  Principal,
  WorkspaceRole,
} from '../domain/access.js';
import { airbyteNotFound, type AirbyteError } from '../errors/airbyte-error.js';
import type { AccessGateway } from '../ports/access-gateway.port.js';

interface Held extends AirbytePermission {
  readonly principal: Principal;
}

export class FakeAccessGateway implements AccessGateway {
  readonly users: AirbyteUser[] = [];
  readonly groups: AirbyteGroup[] = [];
  readonly permissions: Held[] = [];
  readonly writes: string[] = [];
  private next = 1;

  constructor(private readonly options: { readonly rbac?: boolean } = {}) {}

  readonly addUser = (email: string): AirbyteUser => {
    const user = { id: `user-${this.next++}`, email };
    this.users.push(user);
    return user;
  };

  readonly addGroup = (name: string): AirbyteGroup => {
    const group = { id: `group-${this.next++}`, name };
    this.groups.push(group);
    return group;
  };

  /** A permission given by other means (by hand in the UI, an organization role). */
  readonly addPermission = (
    principal: Principal,
    permission: Omit<AirbytePermission, 'id'>,
  ): AirbytePermission => {
    const held = { ...permission, id: `permission-${this.next++}`, principal };
    this.permissions.push(held);
    return held;
  };

  readonly setType = (permissionId: string, permissionType: string): void => {
    const i = this.permissions.findIndex((p) => p.id === permissionId);
    const found = this.permissions[i];
    if (found !== undefined) this.permissions[i] = { ...found, permissionType };
  };

  private guard<A>(effect: () => A): TE.TaskEither<AirbyteError, A> {
    return this.options.rbac === false ? TE.left(airbyteNotFound('Not Found')) : TE.fromIO(effect);
  }

  readonly findUsersByEmail = (_organizationId: string, emails: ReadonlyArray<string>) =>
    this.guard(() => this.users.filter((u) => emails.some((e) => e.toLowerCase() === u.email.toLowerCase())));

  readonly listGroups = () => this.guard(() => [...this.groups]);

  readonly permissionsOf = (principal: Principal) =>
    this.guard((): ReadonlyArray<AirbytePermission> =>
      this.permissions
        .filter((p) => p.principal.kind === principal.kind && p.principal.id === principal.id)
        .map(({ principal: _p, ...permission }) => permission),
    );

  readonly grant = (principal: Principal, workspaceId: string, role: WorkspaceRole) =>
    this.guard((): AirbytePermission => {
      this.writes.push(`grant ${role} ${principal.id}`);
      const held = { id: `permission-${this.next++}`, permissionType: role, workspaceId, principal };
      this.permissions.push(held);
      return { id: held.id, permissionType: role, workspaceId };
    });

  readonly revoke = (principal: Principal, permissionId: string) =>
    this.guard(() => {
      this.writes.push(`revoke ${permissionId} ${principal.id}`);
      const i = this.permissions.findIndex((p) => p.id === permissionId);
      if (i >= 0) this.permissions.splice(i, 1);
    });
}
