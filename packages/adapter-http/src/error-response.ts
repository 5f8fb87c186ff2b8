/**
 * The one place where a domain failure becomes an HTTP answer: a status code and a body in the 2.2.0
 * shapes (`RequestValidationError`, `SystemError`), which keep the legacy `errors` / `error` fields.
 */
import {
  describeError as describeCoreError,
  formatProblem,
  jobSteps,
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

/** Airbyte's words when the connector type or definition is what it does not know. */
const CONNECTOR_TYPE = /\b(sourceType|destinationType|definitionId|definition)\b/i;

const CONNECTOR_TYPE_ADVICE =
  'Airbyte has no connector of that type: fix sourceType / destinationType in the descriptor (a connector name Airbyte knows), or give the definitionId of a connector definition of this Airbyte.';

/** What the user can do about Airbyte's failure. */
const airbyteAdvice = (error: AirbyteError): string => {
  switch (error._tag) {
    case 'AirbyteUnavailable':
      return 'Airbyte is unavailable; the request can safely be sent again once Airbyte is healthy.';
    case 'AirbyteBadResponse':
      return 'Airbyte answered something unexpected; the request can safely be sent again, and the platform team should check the Airbyte version.';
    case 'AirbyteUnauthorized':
      return error.status === 403
        ? "The provisioner's Airbyte application cannot see the configured workspace: the platform team should check AIRBYTE_WORKSPACE_ID and the application's permissions."
        : "Airbyte refused the provisioner's credentials: check AIRBYTE_CLIENT_ID/AIRBYTE_CLIENT_SECRET (or AIRBYTE_TOKEN) and the workspace permissions.";
    case 'AirbyteRejected':
      return CONNECTOR_TYPE.test(error.detail)
        ? CONNECTOR_TYPE_ADVICE
        : "Airbyte rejected the configuration: fix the descriptor's connectionConfiguration as Airbyte's message says, then deploy again.";
    case 'AirbyteConflict':
      return 'Airbyte reported a conflict (e.g. a sync is running); wait and send the request again.';
    case 'AirbyteNotFound':
      // an unknown definitionId is a 404 too: sending again would fail the same way
      return CONNECTOR_TYPE.test(error.detail)
        ? CONNECTOR_TYPE_ADVICE
        : 'A resource disappeared from Airbyte while deploying; sending the request again recreates it.';
  }
};

/** What a failed operation tells its caller: the core's one-line description, plus what to do. */
export const describeError = (
  error: ProvisioningError,
): { message: string; solutions: ReadonlyArray<string> } => ({
  message: describeCoreError(error),
  solutions: solutionsOf(error),
});

const solutionsOf = (error: ProvisioningError): ReadonlyArray<string> => {
  switch (error._tag) {
    case 'InvalidRequest':
      return ['Fix the fields listed in problems and send the request again.'];
    case 'Unsupported':
      return ['This operation is not offered by the Airbyte provisioner.'];
    case 'UnknownTask':
      return ['Send the provisioning request again: deploys are idempotent, so this is safe.'];
    case 'StateConflict':
      return jobSteps.includes(error.step)
        ? [
            "Read why the job did not succeed in its logs in the Airbyte UI (Airbyte's public API does not give the reason), fix the cause, then send the request again.",
          ]
        : ['Resolve the conflict in Airbyte (rename or remove the resources named) and deploy again.'];
    case 'AirbyteFailure':
      return [
        error.step.startsWith('create workspace') && error.error._tag === 'AirbyteUnauthorized'
          ? "The provisioner's Airbyte application may not create workspaces (AIRBYTE_WORKSPACE_MODE=per-data-product): its user needs organization_editor or more in the organization; the platform team should grant it, or create the workspace by hand."
          : airbyteAdvice(error.error),
      ];
    case 'StateUnavailable':
      return [
        'The provisioner cannot reach its database; nothing was half-written. Send the request again once it is back (/ready says when).',
      ];
    case 'Internal':
      return ['Report this to the platform team.'];
    case 'AccessNotReleased':
      // an edition without permissions says what to do in its message already
      return [
        ...(error.cause._tag === 'Unsupported' ? [] : solutionsOf(error.cause)),
        'Send the unprovision again once that is fixed: it finds the pipeline gone and releases the access that is left.',
      ];
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
    case 'AccessNotReleased':
      return {
        status: error.cause._tag === 'StateUnavailable' ? 503 : 500,
        body: systemError(message, solutions),
      };
    case 'StateConflict':
    case 'AirbyteFailure':
    case 'Internal':
      return { status: 500, body: systemError(message, solutions) };
  }
};
