/** Options shared by the commands that take a request file. */
export interface RequestCommandOptions {
  readonly json?: boolean;
  readonly state?: string;
  readonly removeData?: boolean;
  readonly detailedExitcode?: boolean;
  readonly logJson?: boolean;
}

export const NO_AIRBYTE_FOR_COMMAND = [
  'No Airbyte is configured. Set AIRBYTE_API_URL, AIRBYTE_WORKSPACE_ID and credentials',
  '(AIRBYTE_CLIENT_ID + AIRBYTE_CLIENT_SECRET, or AIRBYTE_TOKEN, or AIRBYTE_USERNAME + AIRBYTE_PASSWORD).',
  'To try it without a real Airbyte, start one with `airbyte-provisioner sandbox` and export what it prints.',
].join('\n');
