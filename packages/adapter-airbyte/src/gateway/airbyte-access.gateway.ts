/**
 * AirbyteAccessGateway: the core's AccessGateway over the public API's `/users`, `/permissions` and
 * `/groups` (editions with role-based access). Users are listed for the whole organization and matched
 * by email here, case-insensitively: Airbyte compares the `emails` filter as stored.
 */
import type { AccessGateway, AirbytePermission, Principal, WorkspaceRole } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  GroupPermissionsResponse,
  GroupResponse,
  PermissionResponse,
  PermissionsResponse,
  UsersResponse,
} from '../codecs/access.codec.js';
import { makeAirbyteClient, type AirbyteClient } from '../http/airbyte-client.js';
import { NoContent } from '../http/airbyte-request.js';
import { resolveOptions, type AirbyteGatewayOptions } from './airbyte-gateway-options.js';
import { notFoundIs, task } from './either-task.js';

const fromResponse = (p: t.TypeOf<typeof PermissionResponse>): AirbytePermission => ({
  id: p.permissionId,
  permissionType: p.permissionType,
  ...(typeof p.workspaceId === 'string' ? { workspaceId: p.workspaceId } : {}),
  ...(typeof p.organizationId === 'string' ? { organizationId: p.organizationId } : {}),
});

const fromRead = (p: t.TypeOf<typeof PermissionsResponse>['data'][number]): AirbytePermission => ({
  id: p.permissionId,
  permissionType: p.permissionType,
  ...(p.scope === 'workspace' && p.scopeId !== undefined ? { workspaceId: p.scopeId } : {}),
  ...(p.scope === 'organization' && p.scopeId !== undefined ? { organizationId: p.scopeId } : {}),
});

/** Revoking what is already gone is success. */
const goneIsDone = notFoundIs<void>(undefined);

export const accessOver = (client: AirbyteClient): AccessGateway => ({
  findUsersByEmail: task(async (organizationId: string, emails: ReadonlyArray<string>) => {
    const wanted = new Set(emails.map((e) => e.toLowerCase()));
    return E.map((r: t.TypeOf<typeof UsersResponse>) =>
      r.data.filter((u) => wanted.has(u.email.toLowerCase())),
    )(
      await client.call({
        method: 'GET',
        template: '/users',
        query: [['organizationId', organizationId]],
        codec: UsersResponse,
      }),
    );
  }),
  listGroups: task(async (organizationId: string) =>
    E.map((groups: ReadonlyArray<t.TypeOf<typeof GroupResponse>>) =>
      groups.map((g) => ({ id: g.groupId, name: g.name })),
    )(await client.listAll('/groups', GroupResponse, [['organizationId', organizationId]])),
  ),
  permissionsOf: task(async (principal: Principal, organizationId: string) =>
    principal.kind === 'user'
      ? E.map((r: t.TypeOf<typeof PermissionsResponse>) => r.data.map(fromRead))(
          await client.call({
            method: 'GET',
            template: '/permissions',
            query: [
              ['userId', principal.id],
              ['organizationId', organizationId],
            ],
            codec: PermissionsResponse,
          }),
        )
      : E.map((r: t.TypeOf<typeof GroupPermissionsResponse>) => r.data.map(fromResponse))(
          await client.call({
            method: 'GET',
            template: '/groups/{groupId}/permissions',
            params: { groupId: principal.id },
            codec: GroupPermissionsResponse,
          }),
        ),
  ),
  grant: task(async (principal: Principal, workspaceId: string, role: WorkspaceRole) =>
    E.map(fromResponse)(
      await client.call(
        principal.kind === 'user'
          ? {
              method: 'POST',
              template: '/permissions',
              body: { permissionType: role, userId: principal.id, workspaceId },
              codec: PermissionResponse,
            }
          : {
              method: 'POST',
              template: '/groups/{groupId}/permissions',
              params: { groupId: principal.id },
              body: { permissionType: role, workspaceId },
              codec: PermissionResponse,
            },
      ),
    ),
  ),
  revoke: task(async (principal: Principal, permissionId: string) =>
    goneIsDone(
      await client.call(
        principal.kind === 'user'
          ? {
              method: 'DELETE',
              template: '/permissions/{permissionId}',
              params: { permissionId },
              codec: NoContent,
            }
          : {
              method: 'DELETE',
              template: '/groups/{groupId}/permissions/{permissionId}',
              params: { groupId: principal.id, permissionId },
              codec: NoContent,
            },
      ),
    ),
  ),
});

export const makeAirbyteAccessGateway = (options: AirbyteGatewayOptions): AccessGateway =>
  accessOver(makeAirbyteClient(resolveOptions(options)));
