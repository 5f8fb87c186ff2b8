/**
 * AirbyteWorkspaceDirectory: the core's WorkspaceDirectory over the public API's `/workspaces`
 * (per-data-product workspaces). The list has no name filter: every page is read and names compared
 * exactly. An application may create workspaces only if its user may in the organization (organization
 * admin, or instance admin on self-managed editions); otherwise Airbyte answers 403.
 */
import type { AirbyteWorkspace, WorkspaceDirectory } from '@airbyte-provisioner/core';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { PageCodec } from '../codecs/page.codec.js';
import { AnyItem, NamedWorkspaceResponse } from '../codecs/workspace.codec.js';
import { makeAirbyteClient, type AirbyteClient } from '../http/airbyte-client.js';
import { NoContent } from '../http/airbyte-request.js';
import { resolveOptions, type AirbyteGatewayOptions } from './airbyte-gateway-options.js';
import { notFoundIs, task } from './either-task.js';

const toWorkspace = (w: NamedWorkspaceResponse): AirbyteWorkspace => ({ id: w.workspaceId, name: w.name });

export const workspacesOver = (client: AirbyteClient): WorkspaceDirectory => ({
  findByName: task(async (name: string) =>
    E.map((all: ReadonlyArray<NamedWorkspaceResponse>) =>
      all.filter((w) => w.name === name).map(toWorkspace),
    )(await client.listAll('/workspaces', NamedWorkspaceResponse, [])),
  ),
  findById: task(async (id: string) =>
    notFoundIs<O.Option<AirbyteWorkspace>>(O.none)(
      E.map((w: NamedWorkspaceResponse) => O.some(toWorkspace(w)))(
        await client.call({
          method: 'GET',
          template: '/workspaces/{workspaceId}',
          params: { workspaceId: id },
          codec: NamedWorkspaceResponse,
        }),
      ),
    ),
  ),
  create: task(async (name: string, organizationId: string | undefined) =>
    E.map(toWorkspace)(
      await client.call({
        method: 'POST',
        template: '/workspaces',
        body: { name, ...(organizationId === undefined ? {} : { organizationId }) },
        codec: NamedWorkspaceResponse,
      }),
    ),
  ),
  // one item of each collection is enough to tell: no list is walked to its end
  holdsAnything: task(async (id: string) => {
    for (const collection of ['/connections', '/sources', '/destinations']) {
      const page = await client.call({
        method: 'GET',
        template: collection,
        query: [
          ['workspaceIds', id],
          ['limit', '1'],
        ],
        codec: PageCodec(AnyItem),
      });
      if (E.isLeft(page)) return page;
      if (page.right.data.length > 0) return E.right(true);
    }
    return E.right(false);
  }),
  remove: task(async (id: string) =>
    notFoundIs<void>(undefined)(
      await client.call({
        method: 'DELETE',
        template: '/workspaces/{workspaceId}',
        params: { workspaceId: id },
        codec: NoContent,
      }),
    ),
  ),
});

export const makeAirbyteWorkspaceDirectory = (
  options: Omit<AirbyteGatewayOptions, 'workspaceId'>,
): WorkspaceDirectory => workspacesOver(makeAirbyteClient(resolveOptions({ ...options, workspaceId: '' })));
