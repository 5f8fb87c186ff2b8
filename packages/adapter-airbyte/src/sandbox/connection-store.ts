/**
 * Connections as the API shows them, and their deletion. A deleted connection keeps its row with status
 * `deprecated` (Airbyte's tombstone), which is what `includeDeleted=true` lists.
 */
import type { SandboxState, StoredConnection } from './sandbox-state.js';

export const connectionView = (connection: StoredConnection): Record<string, unknown> => ({
  connectionId: connection.connectionId,
  name: connection.name,
  sourceId: connection.sourceId,
  destinationId: connection.destinationId,
  workspaceId: connection.workspaceId,
  status: connection.deleted ? 'deprecated' : connection.status,
  schedule: connection.schedule,
  nonBreakingSchemaUpdatesBehavior: connection.nonBreakingSchemaUpdatesBehavior,
  namespaceDefinition: connection.namespaceDefinition,
  ...(connection.namespaceFormat === undefined ? {} : { namespaceFormat: connection.namespaceFormat }),
  prefix: connection.prefix,
  configurations: { streams: connection.streams },
  createdAt: connection.createdAt,
  tags: connection.tags,
});

export const deleteConnectionsOf = (
  state: SandboxState,
  uses: (connection: StoredConnection) => boolean,
): void => {
  for (const connection of state.connections.values()) {
    if (!connection.deleted && uses(connection)) connection.deleted = true;
  }
};
