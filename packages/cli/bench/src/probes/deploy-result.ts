/**
 * A result like the one a first deploy of the example returns (summary, public info, the deployment
 * record as private info, the user-facing logs). Airbyte ids are random UUIDs and fingerprints HMAC-SHA256
 * digests, as on a real server: values no encoding can shrink below their entropy.
 */
import type { OperationResult } from '@airbyte-provisioner/core';
import { randomBytes, randomUUID } from 'node:crypto';

const workspaceId = randomUUID();
const fingerprint = (): string => `hmac-sha256:${randomBytes(32).toString('hex')}`;

export const deployResult = (n: number): OperationResult => {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  const connectionId = randomUUID();
  return {
    message: 'Deployed connection "orders-to-snowflake": created source, destination and connection.',
    info: {
      publicInfo: {
        connection: {
          type: 'link',
          label: 'Airbyte connection',
          value: 'orders-to-snowflake',
          href: `http://localhost:8000/workspaces/${workspaceId}/connections/${connectionId}`,
        },
        source: { type: 'string', label: 'Source', value: 'orders-file (file)' },
        destination: { type: 'string', label: 'Destination', value: 'orders-snowflake (snowflake)' },
        database: { type: 'string', label: 'Destination database', value: 'SALES' },
        schema: { type: 'string', label: 'Destination schema', value: 'ORDERS' },
        streams: { type: 'string', label: 'Streams', value: 'orders' },
        schedule: { type: 'string', label: 'Schedule', value: 'manual' },
      },
      privateInfo: {
        airbyte: {
          workspaceId,
          sourceId: randomUUID(),
          destinationId: randomUUID(),
          connectionId,
          sourceFingerprint: fingerprint(),
          destinationFingerprint: fingerprint(),
        },
      },
    },
    logs: [
      { timestamp: at, level: 'INFO', message: 'Created source "orders-file"', phase: 'source' },
      {
        timestamp: at,
        level: 'INFO',
        message: 'Created destination "orders-snowflake"',
        phase: 'destination',
      },
      { timestamp: at, level: 'INFO', message: 'Discovered 1 stream: orders', phase: 'connection' },
      {
        timestamp: at,
        level: 'INFO',
        message: 'Created connection "orders-to-snowflake"',
        phase: 'connection',
      },
    ],
  };
};
