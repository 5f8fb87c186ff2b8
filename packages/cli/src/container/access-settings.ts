/**
 * updateacl's access management, when AIRBYTE_ACL_MODE=workspace-role: the public API's access routes,
 * and the ledger of grants this provisioner made (in memory: one process; the PostgreSQL state, once
 * wired, keeps it across restarts).
 */
import { makeAirbyteAccessGateway } from '@airbyte-provisioner/adapter-airbyte';
import { InMemoryAclLedger, type AccessSettings, type Logger } from '@airbyte-provisioner/core';
import type { AppConfig } from '../config/app-config.js';

export const accessSettingsOf = (config: AppConfig, logger: Logger): AccessSettings | undefined => {
  const airbyte = config.airbyte;
  if (airbyte?.access === undefined) return undefined;
  return {
    gateway: makeAirbyteAccessGateway({
      baseUrl: airbyte.apiUrl,
      workspaceId: airbyte.workspaceId,
      auth: airbyte.auth,
      logger,
      ...(airbyte.timeoutMs === undefined ? {} : { timeoutMs: airbyte.timeoutMs }),
    }),
    ledger: new InMemoryAclLedger(),
    organizationId: airbyte.access.organizationId,
    role: airbyte.access.role,
  };
};
