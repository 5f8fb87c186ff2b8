/**
 * The signatures of the use cases, as the adapters call them. Each `make*` factory in this folder returns
 * one of these; `adapter-http` and the CLI depend on nothing else of the core's internals.
 */
import type { Task } from 'fp-ts/lib/Task.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { OperationFailure, OperationResult } from '../domain/operation-result.js';
import type { ResourceKind } from '../domain/airbyte-state.js';
import type { JsonValue } from '../domain/json.js';
import type { Problem } from '../errors/problem.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { Logger } from '../ports/logger.port.js';
import type {
  ProvisioningRequest,
  ReverseProvisioningRequest,
  UpdateAclRequest,
} from '../requests/requests.codec.js';

export type ValidationOutcome =
  { readonly valid: true } | { readonly valid: false; readonly problems: ReadonlyArray<Problem> };

/** A background task as a status request sees it. */
export type TaskView<A> =
  | { readonly status: 'RUNNING' }
  | { readonly status: 'COMPLETED'; readonly value: A }
  | { readonly status: 'FAILED'; readonly failure: OperationFailure };

/** One resource's line of a plan, safe to print: never a secret. */
export interface PlannedChange {
  readonly kind: ResourceKind;
  readonly name: string;
  readonly action: 'create' | 'update' | 'replace' | 'delete' | 'noop';
  readonly id?: string;
  /** For `update`: dot paths of what differs (secret fields named, values never shown). */
  readonly changedFields?: ReadonlyArray<string>;
  /** For `replace`: why Airbyte cannot update it in place. */
  readonly reason?: string;
  /** For `create` and `replace`: what will be set (a connection's streams are in `streamChanges`). */
  readonly values?: ReadonlyArray<PlannedValue>;
  /** For `update`: each changed value, old and new (a connection's streams are in `streamChanges`). */
  readonly valueChanges?: ReadonlyArray<ValueChange>;
  /** For a connection: streams added, removed or changed. */
  readonly streamChanges?: ReadonlyArray<StreamChange>;
  /** The connection's streams follow what the source offers, discovered only when provisioning. */
  readonly streamsFromDiscovery?: boolean;
  /** The secrets are re-sent because what they were last time is unknown, not because they changed. */
  readonly secretsUnknown?: boolean;
}

/** A value a create sets; a secret is named, never shown. */
export type PlannedValue =
  { readonly path: string; readonly value: JsonValue } | { readonly path: string; readonly secret: true };

/** A value an update changes: `old` absent when it was unset, `new` absent when it is removed. */
export type ValueChange =
  | { readonly path: string; readonly old?: JsonValue; readonly new?: JsonValue }
  | { readonly path: string; readonly secret: true };

/** One stream of a connection: its `syncMode`, `cursorField` and `primaryKey` as they change. */
export interface StreamChange {
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly fields: ReadonlyArray<ValueChange>;
}

/**
 * Who an operation runs for, as the caller knows it: the HTTP adapter passes the logger of the request
 * (it carries the request id), so every line the operation writes, the Airbyte gateway's included, and
 * those of the background work it starts, names that request.
 */
export interface OperationContext {
  readonly logger?: Logger;
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

export type ReverseProvisionUseCase = (
  request: ReverseProvisioningRequest,
) => TaskEither<ProvisioningError, never>;

/** Airbyte answers and accepts our credentials. */
export type CheckReadyUseCase = () => TaskEither<ProvisioningError, void>;

/** Background operations still running, for a graceful shutdown. */
export interface BackgroundWork {
  readonly running: () => number;
  /** Resolves once every operation started so far has finished. */
  readonly drain: Task<void>;
}
