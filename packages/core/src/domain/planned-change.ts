/** One resource's line of a plan, safe to print: never a secret. */
import type { ResourceKind } from './airbyte-state.js';

export interface PlannedChange {
  readonly kind: ResourceKind;
  readonly name: string;
  readonly action: 'create' | 'update' | 'replace' | 'delete' | 'noop';
  readonly id?: string;
  /** For `update`: dot paths of what differs (secret fields named, values never shown). */
  readonly changedFields?: ReadonlyArray<string>;
  /** For `replace`: why Airbyte cannot update it in place. */
  readonly reason?: string;
}
