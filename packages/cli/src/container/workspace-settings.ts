/**
 * AIRBYTE_WORKSPACE_MODE=per-data-product: the public API's `/workspaces`, the owners of workspace names
 * (in memory, or in PostgreSQL with DATABASE_URL), and the gateway scoped to a data product's workspace.
 */
import { makeAirbyteWorkspaceDirectory } from '@airbyte-provisioner/adapter-airbyte';
import type {
  AirbyteGateway,
  DataProductWorkspaces,
  Logger,
  WorkspaceOwnerRegistry,
} from '@airbyte-provisioner/core';
import type { AppConfig } from '../config/app-config.js';

export const dataProductWorkspacesOf = (
  config: AppConfig,
  logger: Logger,
  owners: WorkspaceOwnerRegistry,
  gatewayIn: (workspaceId: string) => (logger: Logger) => AirbyteGateway,
): DataProductWorkspaces | undefined => {
  const airbyte = config.airbyte;
  const perDataProduct = config.perDataProduct;
  if (airbyte === undefined || perDataProduct === undefined) return undefined;
  return {
    template: perDataProduct.template,
    directory: makeAirbyteWorkspaceDirectory({
      baseUrl: airbyte.apiUrl,
      auth: airbyte.auth,
      logger,
      ...(airbyte.timeoutMs === undefined ? {} : { timeoutMs: airbyte.timeoutMs }),
    }),
    owners,
    ...(perDataProduct.organizationId === undefined ? {} : { organizationId: perDataProduct.organizationId }),
    gatewayIn,
  };
};
