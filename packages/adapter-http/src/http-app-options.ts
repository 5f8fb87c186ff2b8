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

export interface HttpAppOptions {
  readonly useCases: HttpUseCases;
  readonly provisionMode: 'sync' | 'async';
  /** When set, every route but health, ready, metrics and the docs requires `Authorization: Bearer <token>`. */
  readonly apiToken?: string;
  /** Largest accepted body; larger ones get a 413. Default 5 MB. */
  readonly bodyLimitBytes?: number;
  readonly logger: Logger;
  readonly metrics?: HttpMetrics;
}
