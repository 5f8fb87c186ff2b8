/**
 * The closed set of failures a use case can return. `adapter-http` maps each variant to a status code in
 * one exhaustive function; the CLI maps them to exit codes.
 */
import type { AirbyteError } from './airbyte-error.js';
import type { Problem } from './problem.js';

export type ProvisioningError =
  /** The request or descriptor is invalid; every problem found is listed. */
  | { readonly _tag: 'InvalidRequest'; readonly problems: ReadonlyArray<Problem> }
  /** A valid request for something this provisioner does not do (e.g. reverse provisioning). */
  | { readonly _tag: 'Unsupported'; readonly message: string }
  /** A status was asked for a token that was never issued, or has expired. */
  | { readonly _tag: 'UnknownTask'; readonly token: string }
  /** Airbyte's state forbids the change: an ambiguous name, a resource another component uses. */
  | {
      readonly _tag: 'StateConflict';
      readonly step: string;
      readonly message: string;
      readonly ids: ReadonlyArray<string>;
    }
  /** An Airbyte call failed during `step` (e.g. `create source "orders-file"`). */
  | { readonly _tag: 'AirbyteFailure'; readonly step: string; readonly error: AirbyteError }
  /** The provisioner's own state store (its database) cannot be reached; nothing was half-written. */
  | { readonly _tag: 'StateUnavailable'; readonly message: string }
  /** A bug or an unexpected state; the message is safe to show. */
  | { readonly _tag: 'Internal'; readonly message: string }
  /**
   * An unprovision removed the pipeline, then could not release the Airbyte access its component held
   * (`cause`); sending it again finds the pipeline gone and releases what is left.
   */
  | { readonly _tag: 'AccessNotReleased'; readonly cause: ProvisioningError };

export const invalidRequest = (problems: ReadonlyArray<Problem>): ProvisioningError => ({
  _tag: 'InvalidRequest',
  problems,
});
export const unsupported = (message: string): ProvisioningError => ({ _tag: 'Unsupported', message });
export const unknownTask = (token: string): ProvisioningError => ({ _tag: 'UnknownTask', token });
export const stateConflict = (
  step: string,
  message: string,
  ids: ReadonlyArray<string>,
): ProvisioningError => ({
  _tag: 'StateConflict',
  step,
  message,
  ids,
});
export const airbyteFailure = (step: string, error: AirbyteError): ProvisioningError => ({
  _tag: 'AirbyteFailure',
  step,
  error,
});
export const internal = (message: string): ProvisioningError => ({ _tag: 'Internal', message });
export const stateUnavailable = (message: string): ProvisioningError => ({
  _tag: 'StateUnavailable',
  message,
});
export const accessNotReleased = (cause: ProvisioningError): ProvisioningError => ({
  _tag: 'AccessNotReleased',
  cause,
});
