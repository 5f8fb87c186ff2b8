/** Every use case bound to one set of dependencies: what adapters and the CLI receive. */
import { makeCheckReady } from './check-ready.use-case.js';
import type { CoreDeps } from './core-deps.js';
import { makeGetProvisioningStatus } from './get-provisioning-status.use-case.js';
import { makeGetValidationStatus } from './get-validation-status.use-case.js';
import { makePlan } from './plan.use-case.js';
import { makeProvision } from './provision.use-case.js';
import {
  makeGetReverseProvisioningStatus,
  makeSubmitReverseProvision,
} from './reverse-provision.use-case.js';
import type { ReverseProvisioningResult } from '../domain/reverse-provisioning.js';
import {
  defaultTaskRepositoryLimits,
  InMemoryTaskRepository,
} from '../in-memory/in-memory-task-repository.js';
import { makeSubmitProvision } from './submit-provision.use-case.js';
import { makeSubmitUnprovision } from './submit-unprovision.use-case.js';
import { makeSubmitValidation } from './submit-validation.use-case.js';
import { makeUnprovision } from './unprovision.use-case.js';
import { makeSubmitUpdateAcl, makeUpdateAcl } from './update-acl.use-case.js';
import type { BackgroundWork } from '../ports/background-work.port.js';
import type {
  CheckReadyUseCase,
  GetProvisioningStatusUseCase,
  GetValidationStatusUseCase,
  PlanUseCase,
  ProvisionUseCase,
  ReverseProvisionUseCase,
  SubmitUpdateAclUseCase,
  GetReverseProvisioningStatusUseCase,
  SubmitUseCase,
  SubmitValidationUseCase,
  UnprovisionUseCase,
  UpdateAclUseCase,
  ValidateUseCase,
} from './use-case.types.js';
import { makeValidate } from './validate.use-case.js';

export interface UseCases {
  readonly validate: ValidateUseCase;
  readonly plan: PlanUseCase;
  readonly provision: ProvisionUseCase;
  readonly unprovision: UnprovisionUseCase;
  readonly updateAcl: UpdateAclUseCase;
  readonly submitUpdateAcl: SubmitUpdateAclUseCase;
  readonly submitProvision: SubmitUseCase;
  readonly submitUnprovision: SubmitUseCase;
  readonly getProvisioningStatus: GetProvisioningStatusUseCase;
  readonly submitValidation: SubmitValidationUseCase;
  readonly getValidationStatus: GetValidationStatusUseCase;
  readonly reverseProvision: ReverseProvisionUseCase;
  readonly getReverseProvisioningStatus: GetReverseProvisioningStatusUseCase;
  readonly checkReady: CheckReadyUseCase;
  /** The background operations the submit use cases started, to drain on shutdown. */
  readonly background: BackgroundWork;
}

export const makeUseCases = (deps: CoreDeps): UseCases => {
  const reverseTasks =
    deps.reverseProvisioningTasks ??
    new InMemoryTaskRepository<ReverseProvisioningResult>(deps.clock, defaultTaskRepositoryLimits);
  return {
    validate: makeValidate(deps),
    plan: makePlan(deps),
    provision: makeProvision(deps),
    unprovision: makeUnprovision(deps),
    updateAcl: makeUpdateAcl(deps),
    submitUpdateAcl: makeSubmitUpdateAcl(deps),
    submitProvision: makeSubmitProvision(deps),
    submitUnprovision: makeSubmitUnprovision(deps),
    getProvisioningStatus: makeGetProvisioningStatus(deps),
    submitValidation: makeSubmitValidation(deps),
    getValidationStatus: makeGetValidationStatus(deps),
    reverseProvision: makeSubmitReverseProvision(deps, reverseTasks),
    getReverseProvisioningStatus: makeGetReverseProvisioningStatus(reverseTasks),
    checkReady: makeCheckReady(deps),
    background: deps.background,
  };
};
