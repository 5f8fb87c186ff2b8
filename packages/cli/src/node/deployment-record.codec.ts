/** The state file's content, decoded when read: a hand-edited or truncated file is an error, not a guess. */
import * as t from 'io-ts';
import { DeploymentRecordCodec } from '@airbyte-provisioner/core';

export const StateFile = t.type({
  version: t.literal(1),
  records: t.record(t.string, DeploymentRecordCodec),
});
export type StateFile = t.TypeOf<typeof StateFile>;
