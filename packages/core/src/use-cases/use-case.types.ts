/**
 * The signatures of the use cases, as the adapters call them. Each `make*` factory in this folder returns
 * one of these; `adapter-http` and the CLI depend on nothing else of the core's internals.
 */
import type { Task } from 'fp-ts/lib/Task.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { OperationFailure, OperationResult } from '../domain/operation-result.js';
import type { ReverseProvisioningResult } from '../domain/reverse-provisioning.js';
import type { PlannedChange } from '../domain/planned-change.js';
import type { TaskView } from '../domain/task-view.js';
import type { ValidationOutcome } from '../domain/validation-outcome.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { Logger } from '../ports/logger.port.js';
import type { PublishProgress } from './core-deps.js';
import type {
  ProvisioningRequest,
  ReverseProvisioningRequest,
  UpdateAclRequest,
} from '../requests/requests.codec.js';

/**
 * Who an operation runs for, as the caller knows it: the HTTP adapter passes the logger of the request
 * (it carries the request id), so every line the operation writes, the Airbyte gateway's included, and
 * those of the background work it starts, names that request.
 */
export interface OperationContext {
  readonly logger?: Logger;
  /**
   * Where the operation publishes its progress when it runs under a task token its caller holds (a
   * replica taking over a task runs the operation again under that token).
   */
  readonly publishProgress?: PublishProgress;
}

export type ValidateUseCase = (request: ProvisioningRequest) => Task<ValidationOutcome>;
export type PlanUseCase = (
  request: ProvisioningRequest,
  context?: OperationContext,
) => TaskEither<OperationFailure, ReadonlyArray<PlannedChange>>;
export type ProvisionUseCase = (
  request: ProvisioningRequest,
  context?: OperationContext,
) => TaskEither<OperationFailure, OperationResult>;
export type UnprovisionUseCase = ProvisionUseCase;
export type UpdateAclUseCase = (request: UpdateAclRequest) => TaskEither<OperationFailure, OperationResult>;
/** updateacl in the background (2.2.0 route): validation fails at once; the token is polled as a provision's. */
export type SubmitUpdateAclUseCase = (request: UpdateAclRequest) => TaskEither<OperationFailure, string>;

/** Validates at once (an invalid request fails here), then runs the operation in the background. */
export type SubmitUseCase = (
  request: ProvisioningRequest,
  context?: OperationContext,
) => TaskEither<OperationFailure, string>;
export type GetProvisioningStatusUseCase = (
  token: string,
) => TaskEither<ProvisioningError, TaskView<OperationResult>>;

export type SubmitValidationUseCase = (request: ProvisioningRequest) => Task<string>;
export type GetValidationStatusUseCase = (
  token: string,
) => TaskEither<ProvisioningError, TaskView<ValidationOutcome>>;

/** Starts reverse provisioning in the background (bad params fail at once); answers the task token. */
export type ReverseProvisionUseCase = (
  request: ReverseProvisioningRequest,
  context?: OperationContext,
) => TaskEither<ProvisioningError, string>;
export type GetReverseProvisioningStatusUseCase = (
  token: string,
) => TaskEither<ProvisioningError, TaskView<ReverseProvisioningResult>>;

/** Airbyte answers and accepts our credentials. */
export type CheckReadyUseCase = () => TaskEither<ProvisioningError, void>;
