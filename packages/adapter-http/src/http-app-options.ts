import type {
  CheckReadyUseCase,
  GetProvisioningStatusUseCase,
  GetReverseProvisioningStatusUseCase,
  GetValidationStatusUseCase,
  PlanUseCase,
  ProvisionUseCase,
  ReverseProvisionUseCase,
  SubmitUpdateAclUseCase,
  SubmitUseCase,
  SubmitValidationUseCase,
  UnprovisionUseCase,
  UpdateAclUseCase,
  ValidateUseCase,
} from '@airbyte-provisioner/core';
import type { Logger } from 'pino';
import type { HttpMetrics } from './metrics.js';

/** The use cases the routes call, exactly as the core's `makeUseCases` builds them. */
export interface HttpUseCases {
  readonly validate: ValidateUseCase;
  /** The dry run of `POST /v1/plan`. */
  readonly plan: PlanUseCase;
  readonly submitValidation: SubmitValidationUseCase;
  readonly getValidationStatus: GetValidationStatusUseCase;
  readonly provision: ProvisionUseCase;
  readonly unprovision: UnprovisionUseCase;
  readonly submitProvision: SubmitUseCase;
  readonly submitUnprovision: SubmitUseCase;
  readonly getProvisioningStatus: GetProvisioningStatusUseCase;
  readonly updateAcl: UpdateAclUseCase;
  readonly submitUpdateAcl: SubmitUpdateAclUseCase;
  readonly reverseProvision: ReverseProvisionUseCase;
  readonly getReverseProvisioningStatus: GetReverseProvisioningStatusUseCase;
  readonly checkReady: CheckReadyUseCase;
}

/** Where the provisioner keeps its state, and whether that store is ready (for `/ready`). */
export interface StateReadiness {
  readonly ready: boolean;
  /** Said in `/ready`'s body, e.g. `postgresql` or `in-memory (one process; nothing survives a restart)`. */
  readonly store: string;
  readonly reason?: string;
  /**
   * Whether an unreachable Airbyte makes the replica not ready. With replicas sharing a database it does not
   * (reported in the body only): all of them would leave the Service together when Airbyte blinks.
   */
  readonly airbyteGatesReadiness: boolean;
}

export interface HttpAppOptions {
  /** Where state is kept; absent: readiness is Airbyte's alone. */
  readonly stateReadiness?: () => Promise<StateReadiness>;
  readonly useCases: HttpUseCases;
  readonly provisionMode: 'sync' | 'async';
  /** When set, every route but health, ready, metrics and the docs requires `Authorization: Bearer <token>`. */
  readonly apiToken?: string;
  /** Largest accepted body; larger ones get a 413. Default 5 MB. */
  readonly bodyLimitBytes?: number;
  readonly logger: Logger;
  readonly metrics?: HttpMetrics;
}
