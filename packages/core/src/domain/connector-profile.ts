/**
 * Platform-owned connector settings, per connector type (`snowflake`, `file`, ...), from the provisioner's
 * configuration: `enforced` values always win over the descriptor, `defaults` fill what it leaves out.
 */
import type { JsonObject } from './json.js';

export interface ConnectorProfile {
  readonly enforced: JsonObject;
  readonly defaults: JsonObject;
}

export interface ConnectorProfiles {
  readonly sources: Readonly<Record<string, ConnectorProfile>>;
  readonly destinations: Readonly<Record<string, ConnectorProfile>>;
}

export const noConnectorProfiles: ConnectorProfiles = { sources: {}, destinations: {} };
