/** Connector profiles as a deployment configures them (platform-owned Snowflake settings). */
import type { ConnectorProfiles } from '@airbyte-provisioner/core';

export const benchProfiles: ConnectorProfiles = {
  sources: {},
  destinations: {
    snowflake: {
      enforced: {
        host: 'bench.snowflakecomputing.com',
        role: 'AIRBYTE_ROLE',
        warehouse: 'AIRBYTE_WAREHOUSE',
        username: 'AIRBYTE_USER',
        credentials: { auth_type: 'Username and Password', password: 'bench-password' },
      },
      defaults: {},
    },
  },
};

/** The same settings as env for `airbyte-provisioner serve`. */
export const benchProfileEnv: Readonly<Record<string, string>> = {
  SNOWFLAKE_HOST: 'bench.snowflakecomputing.com',
  SNOWFLAKE_ROLE: 'AIRBYTE_ROLE',
  SNOWFLAKE_WAREHOUSE: 'AIRBYTE_WAREHOUSE',
  SNOWFLAKE_USER: 'AIRBYTE_USER',
  SNOWFLAKE_PASSWORD: 'bench-password',
};
