/** What reverse provisioning answers: field updates for the component's `catalog-info.yaml`, and its steps. */
import type { JsonObject } from './json.js';
import type { LogEntry } from './operation-result.js';

export interface ReverseProvisioningResult {
  /** Dot paths (`spec.mesh.specific.source`) to the values to write there. */
  readonly updates: JsonObject;
  readonly logs: ReadonlyArray<LogEntry>;
}
