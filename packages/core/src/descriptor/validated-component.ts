/**
 * The outcome of validating a provisioning request: the one component it targets, resolved into the
 * state Airbyte must hold, plus what the previous deploy recorded about it.
 */
import type { Option } from 'fp-ts/lib/Option.js';
import type { DesiredState } from '../domain/desired-state.js';
import type { DeploymentRecord } from '../domain/operation-result.js';

export interface DataProductHeader {
  readonly id: string;
  readonly name?: string;
  readonly domain?: string;
  readonly environment?: string;
  readonly version?: string;
}

export interface ValidatedComponent {
  readonly dataProduct: DataProductHeader;
  readonly componentId: string;
  readonly componentName?: string;
  readonly desired: DesiredState;
  /** From the component's `info.privateInfo.airbyte` in `latestEnrichedDescriptor` (or the descriptor itself). */
  readonly previous: Option<DeploymentRecord>;
  /** Things accepted but ignored, e.g. the legacy `dbtGitUrl`; reported as WARNING log entries. */
  readonly warnings: ReadonlyArray<string>;
  /** An unprovision asked to remove the data too: the connection's synced data is cleared first. */
  readonly removeData?: boolean;
}
