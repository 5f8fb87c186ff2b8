/**
 * updateacl's access management, when AIRBYTE_ACL_MODE=workspace-role: the public API's access routes,
 * and the ledger of grants this provisioner made (`AclLedgerToken`: in memory for one process, in
 * PostgreSQL with DATABASE_URL, where every replica shares it and it survives restarts).
 */
import { makeAirbyteAccessGateway } from '@airbyte-provisioner/adapter-airbyte';
import type { AccessSettings, AclLedger, Logger } from '@airbyte-provisioner/core';
import type { AppConfig } from '../config/app-config.js';

export const accessSettingsOf = (
  config: AppConfig,
  logger: Logger,
  ledger: AclLedger,
): AccessSettings | undefined => {
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
    ledger,
    organizationId: airbyte.access.organizationId,
    role: airbyte.access.role,
  };
};
