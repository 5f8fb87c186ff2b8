/** The sandbox mounted in a server of the test's own (the embedding path), so stored secrets can be read. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSandboxControls,
  createSandboxRequestHandler,
  DEFAULT_SANDBOX_CLIENT_ID,
  DEFAULT_SANDBOX_CLIENT_SECRET,
} from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { call, fetchToken } from './sandbox-client.js';

export const startEmbedded = async () => {
  const controls = createSandboxControls();
  const server = createServer(createSandboxRequestHandler(controls));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/public/v1`;
  const token = await fetchToken(
    { url },
    { clientId: DEFAULT_SANDBOX_CLIENT_ID, clientSecret: DEFAULT_SANDBOX_CLIENT_SECRET },
  );
  return {
    workspaceId: controls.state.options.workspaceId,
    api: <T = unknown>(method: string, path: string, body?: unknown) =>
      call<T>({ url }, method, path, body, { token }),
    stored: (kind: 'source' | 'destination', id: string): Readonly<Record<string, unknown>> => {
      const actor = (kind === 'source' ? controls.state.sources : controls.state.destinations).get(id);
      if (actor === undefined) throw new Error(`no ${kind} ${id}`);
      return actor.configuration;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
