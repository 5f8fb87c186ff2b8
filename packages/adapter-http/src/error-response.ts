/**
 * The one place where a domain failure becomes an HTTP answer: a status code and a body in the 2.2.0
 * shapes (`RequestValidationError`, `SystemError`), which keep the legacy `errors` / `error` fields.
 */
import {
  formatProblem,
  type AirbyteError,
  type Problem,
  type ProvisioningError,
} from '@airbyte-provisioner/core';

export interface RequestValidationErrorBody {
  readonly errors: ReadonlyArray<string>;
  readonly userMessage: string;
  readonly inputErrorField?: string;
  readonly moreInfo: { readonly problems: ReadonlyArray<string>; readonly solutions: ReadonlyArray<string> };
}

export interface SystemErrorBody {
  readonly error: string;
  readonly userMessage: string;
  readonly moreInfo: { readonly problems: ReadonlyArray<string>; readonly solutions: ReadonlyArray<string> };
}

export interface ErrorResponse {
  readonly status: 400 | 401 | 404 | 405 | 413 | 500 | 503;
  readonly body: RequestValidationErrorBody | SystemErrorBody;
}

export const requestValidationError = (
  problems: ReadonlyArray<Problem>,
  userMessage: string,
  solutions: ReadonlyArray<string>,
): RequestValidationErrorBody => {
  const messages = problems.map(formatProblem);
  const first = problems[0]?.path;
  return {
    errors: messages,
    userMessage,
    ...(first === undefined || first === '' ? {} : { inputErrorField: first }),
    moreInfo: { problems: messages, solutions },
  };
};

export const systemError = (message: string, solutions: ReadonlyArray<string>): SystemErrorBody => ({
  error: message,
  userMessage: message,
  moreInfo: { problems: [message], solutions },
});

/** A token comes from the URL: echo a bounded, printable part of it only. */
const shorten = (token: string): string => {
  const printable = token.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
};

/** Airbyte's words when the connector type or definition is what it does not know. */
const CONNECTOR_TYPE = /\b(sourceType|destinationType|definitionId|definition)\b/i;

/** What Airbyte's failure is called in a sentence, and what the user can do about it. */
const airbyteTerms = (error: AirbyteError): { readonly what: string; readonly advice: string } => {
  switch (error._tag) {
    case 'AirbyteUnavailable':
      return {
        what: 'unavailable',
        advice: 'Airbyte is unavailable; the request can safely be sent again once Airbyte is healthy.',
      };
    case 'AirbyteBadResponse':
      return {
        what: 'answered unexpectedly',
        advice:
          'Airbyte answered something unexpected; the request can safely be sent again, and the platform team should check the Airbyte version.',
      };
    case 'AirbyteUnauthorized':
      return error.status === 403
        ? {
            what: 'refused access',
            advice:
              "The provisioner's Airbyte application cannot see the configured workspace: the platform team should check AIRBYTE_WORKSPACE_ID and the application's permissions.",
          }
        : {
            what: 'refused our credentials',
            advice:
              "Airbyte refused the provisioner's credentials: check AIRBYTE_CLIENT_ID/AIRBYTE_CLIENT_SECRET (or AIRBYTE_TOKEN) and the workspace permissions.",
          };
    case 'AirbyteRejected':
      return {
        what: 'rejected',
        advice: CONNECTOR_TYPE.test(error.detail)
          ? 'Airbyte has no connector of that type: fix sourceType / destinationType in the descriptor (a connector name Airbyte knows), or give the definitionId of a connector definition of this Airbyte.'
          : "Airbyte rejected the configuration: fix the descriptor's connectionConfiguration as Airbyte's message says, then deploy again.",
      };
    case 'AirbyteConflict':
      return {
        what: 'reported a conflict',
        advice: 'Airbyte reported a conflict (e.g. a sync is running); wait and send the request again.',
      };
    case 'AirbyteNotFound':
      return {
        what: 'did not find a resource',
        advice:
          'A resource disappeared from Airbyte while deploying; sending the request again recreates it.',
      };
  }
};

/** What a failed operation tells its caller, in one sentence plus what to do. */
export const describeError = (
  error: ProvisioningError,
): { message: string; solutions: ReadonlyArray<string> } => {
  switch (error._tag) {
    case 'InvalidRequest':
      return {
        message: `The request is invalid: ${error.problems.map(formatProblem).join('; ')}`,
        solutions: ['Fix the fields listed in problems and send the request again.'],
      };
    case 'Unsupported':
      return {
        message: error.message,
        solutions: ['This operation is not offered by the Airbyte provisioner.'],
      };
    case 'UnknownTask':
      return {
        message: `The token ${shorten(error.token)} is unknown or expired (tasks are kept in memory and are lost on restart); the request can safely be sent again.`,
        solutions: ['Send the provisioning request again: deploys are idempotent, so this is safe.'],
      };
    case 'StateConflict':
      return {
        message: `${error.step} failed: ${error.message}${error.ids.length > 0 ? ` (ids: ${error.ids.join(', ')})` : ''}`,
        solutions: [
          'Resolve the conflict in Airbyte (rename or remove the resources named) and deploy again.',
        ],
      };
    case 'AirbyteFailure': {
      const { what, advice } = airbyteTerms(error.error);
      return { message: `${error.step} failed: Airbyte ${what}: ${error.error.detail}`, solutions: [advice] };
    }
    case 'StateUnavailable':
      return {
        message: `The provisioner's state store is unavailable: ${error.message}`,
        solutions: [
          'The provisioner cannot reach its database; nothing was half-written. Send the request again once it is back (/ready says when).',
        ],
      };
    case 'Internal':
      return {
        message: `Internal error: ${error.message}`,
        solutions: ['Report this to the platform team.'],
      };
  }
};

export const errorResponse = (error: ProvisioningError): ErrorResponse => {
  const { message, solutions } = describeError(error);
  switch (error._tag) {
    case 'InvalidRequest':
      return {
        status: 400,
        body: requestValidationError(error.problems, 'The request or its descriptor is invalid.', solutions),
      };
    case 'Unsupported':
    case 'UnknownTask':
      return { status: 400, body: requestValidationError([{ path: '', message }], message, solutions) };
    case 'StateUnavailable':
      return { status: 503, body: systemError(message, solutions) };
    case 'StateConflict':
    case 'AirbyteFailure':
    case 'Internal':
      return { status: 500, body: systemError(message, solutions) };
  }
};
