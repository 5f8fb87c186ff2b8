/** The state file's content, decoded when read: a hand-edited or truncated file is an error, not a guess. */
import * as t from 'io-ts';
import type { DeploymentRecord } from '@airbyte-provisioner/core';

const ResourceKind = t.keyof({ source: null, destination: null, connection: null });

export const DeploymentRecordCodec: t.Type<DeploymentRecord, unknown> = t.intersection([
  t.type({ workspaceId: t.string }),
  t.partial({
    sourceId: t.string,
    destinationId: t.string,
    connectionId: t.string,
    sourceFingerprint: t.string,
    destinationFingerprint: t.string,
    lastJobId: t.number,
    pendingDeletions: t.readonlyArray(t.type({ kind: ResourceKind, id: t.string })),
    doubtfulCreates: t.readonlyArray(t.type({ kind: ResourceKind, name: t.string, since: t.number })),
  }),
]);

export const StateFile = t.type({
  version: t.literal(1),
  records: t.record(t.string, DeploymentRecordCodec),
});
export type StateFile = t.TypeOf<typeof StateFile>;
