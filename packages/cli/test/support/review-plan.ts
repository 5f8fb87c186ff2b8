/** A plan with one of each kind of line: a create, updates with values and streams, a replace, a noop. */
import type { PlannedChange } from '@airbyte-provisioner/core';

export const reviewPlan: ReadonlyArray<PlannedChange> = [
  {
    kind: 'source',
    name: 'orders-file',
    action: 'create',
    values: [
      { path: 'connector', value: 'file' },
      { path: 'configuration.url', value: 'https://example.com/orders.csv' },
      { path: 'configuration.format', value: 'csv' },
      { path: 'configuration.provider.password', secret: true },
    ],
  },
  {
    kind: 'destination',
    name: 'orders-snowflake',
    action: 'update',
    id: 'dst-1',
    changedFields: ['configuration.schema', 'configuration.credentials.password'],
    valueChanges: [
      { path: 'configuration.schema', old: 'ORDERS', new: 'STAGING' },
      { path: 'configuration.warehouse', new: 'WH' },
      { path: 'configuration.credentials.password', secret: true },
    ],
  },
  {
    kind: 'connection',
    name: 'orders-sync',
    action: 'update',
    id: 'con-1',
    changedFields: ['schedule', 'streams'],
    valueChanges: [{ path: 'schedule', old: 'manual', new: 'cron 0 0 6 * * ?' }],
    streamChanges: [
      {
        name: 'orders',
        change: 'changed',
        fields: [
          { path: 'syncMode', old: 'full_refresh_overwrite', new: 'incremental_append' },
          { path: 'cursorField', new: ['updated_at'] },
        ],
      },
      { name: 'customers', change: 'added', fields: [{ path: 'syncMode', new: 'full_refresh_overwrite' }] },
      { name: 'payments', change: 'removed', fields: [] },
    ],
  },
  {
    kind: 'source',
    name: 'legacy-db',
    action: 'replace',
    id: 'src-9',
    reason:
      'the connector changed from type "file" (definition def-file) to type "postgres", which Airbyte cannot change in place',
    values: [{ path: 'connector', value: 'postgres' }],
  },
  { kind: 'connection', name: 'audit-sync', action: 'noop', id: 'con-2' },
];
