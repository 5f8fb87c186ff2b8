/**
 * The Airbyte our server is configured with in the HTTP figures. Validation and start-up never call it,
 * so it only has to be configured: the sandbox (own process) when it is available, else an address where
 * nothing listens — in which case the figure's details say so.
 */
import { NOT_MEASURED } from './build-modules.js';
import { startSandboxChild } from './sandbox-child.js';

export interface ServerAirbyte {
  readonly env: Readonly<Record<string, string>>;
  readonly kind: 'sandbox' | 'unreachable address';
  readonly stop: () => Promise<void>;
}

export const airbyteForServers = async (): Promise<ServerAirbyte> => {
  try {
    const sandbox = await startSandboxChild(0);
    return { env: sandbox.serverEnv, kind: 'sandbox', stop: sandbox.stop };
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith(NOT_MEASURED))) throw error;
    return {
      env: {
        AIRBYTE_API_URL: 'http://127.0.0.1:9/api/public/v1',
        AIRBYTE_WORKSPACE_ID: '00000000-0000-4000-8000-000000000000',
        AIRBYTE_CLIENT_ID: 'bench',
        AIRBYTE_CLIENT_SECRET: 'bench',
      },
      kind: 'unreachable address',
      stop: () => Promise.resolve(),
    };
  }
};
