/**
 * The one-line description of each failure, the same wherever it is shown: in an operation's logs, in the
 * HTTP answer's message, in the CLI. Never a secret (errors never hold one).
 */
import type { AirbyteError } from './airbyte-error.js';
import { formatProblem } from './problem.js';
import type { ProvisioningError } from './provisioning-error.js';

/** What Airbyte's failure is called in a sentence: "Airbyte <what>". */
export const describeAirbyteError = (error: AirbyteError): string => {
  switch (error._tag) {
    case 'AirbyteUnavailable':
      return 'unavailable';
    case 'AirbyteBadResponse':
      return 'answered unexpectedly';
    case 'AirbyteUnauthorized':
      return error.status === 403 ? 'refused access' : 'refused our credentials';
    case 'AirbyteRejected':
      return 'rejected';
    case 'AirbyteConflict':
      return 'reported a conflict';
    case 'AirbyteNotFound':
      return 'did not find a resource';
  }
};

/** A token as the caller sent it may be anything: printable characters only, and not too many of them. */
const shorten = (token: string): string => {
  const printable = token.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
};

export const describeError = (error: ProvisioningError): string => {
  switch (error._tag) {
    case 'InvalidRequest':
      return `The request is invalid: ${error.problems.map(formatProblem).join('; ')}`;
    case 'Unsupported':
      return error.message;
    case 'UnknownTask':
      return `The token ${shorten(error.token)} is unknown or expired; the request can safely be sent again.`;
    case 'StateConflict':
      return `${error.step} failed: ${error.message}${error.ids.length > 0 ? ` (ids: ${error.ids.join(', ')})` : ''}`;
    case 'AirbyteFailure':
      return `${error.step} failed: Airbyte ${describeAirbyteError(error.error)}: ${error.error.detail}`;
    case 'StateUnavailable':
      return `The provisioner's state store is unavailable: ${error.message}`;
    case 'Internal':
      return `Internal error: ${error.message}`;
    case 'AccessNotReleased':
      return `The Airbyte pipeline was removed, but the access its component gave could not be released: ${describeError(error.cause)}`;
  }
};
