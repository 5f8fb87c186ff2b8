/**
 * What to do about a failure, one sentence per kind: the summary says what went wrong, this says where to
 * look (a setting, a descriptor field), so that a 403 on the workspace is not read as bad credentials
 * and an unknown connector type is not read as a bad connectionConfiguration.
 */
import { jobSteps, type AirbyteError, type ProvisioningError } from '@airbyte-provisioner/core';

export interface AdviceContext {
  /** The configured AIRBYTE_WORKSPACE_ID, when known. */
  readonly workspaceId?: string;
}

const CONNECTOR_TYPE = /\b(sourceType|destinationType|definitionId|definition)\b/i;

const kindOf = (step: string): 'source' | 'destination' =>
  /destination/i.test(step) ? 'destination' : 'source';

const typeAdvice = (step: string): string => {
  const kind = kindOf(step);
  return `Airbyte has no ${kind} connector of that type: check specific.${kind}.${kind}Type in the descriptor (a connector name Airbyte knows, e.g. ${kind === 'source' ? 'file' : 'snowflake'}), or give specific.${kind}.definitionId, the id of a connector definition of this Airbyte.`;
};

const airbyteAdvice = (step: string, error: AirbyteError, context: AdviceContext): string => {
  switch (error._tag) {
    case 'AirbyteUnauthorized':
      return error.status === 403
        ? `This application cannot see workspace ${context.workspaceId ?? '(AIRBYTE_WORKSPACE_ID)'}: check AIRBYTE_WORKSPACE_ID or the application's permissions in Airbyte.`
        : 'Airbyte did not accept the credentials: check AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (or AIRBYTE_TOKEN, or AIRBYTE_USERNAME and AIRBYTE_PASSWORD).';
    case 'AirbyteRejected':
      return CONNECTOR_TYPE.test(error.detail)
        ? typeAdvice(step)
        : `Airbyte rejected the ${kindOf(step)}'s settings: fix specific.${kindOf(step)}.connectionConfiguration in the descriptor as Airbyte's message says, then run again.`;
    case 'AirbyteNotFound':
      return CONNECTOR_TYPE.test(error.detail)
        ? typeAdvice(step)
        : 'A resource disappeared from Airbyte meanwhile: running the command again recreates it.';
    case 'AirbyteUnavailable':
      return 'Airbyte could not be reached or is unavailable: check AIRBYTE_API_URL and that Airbyte is running; running the command again is safe.';
    case 'AirbyteBadResponse':
      return "Airbyte answered something unexpected: check that AIRBYTE_API_URL is Airbyte's public API (…/api/public/v1); running the command again is safe.";
    case 'AirbyteConflict':
      return 'Airbyte reported a conflict (a sync may be running): wait, then run the command again.';
  }
};

export const adviceFor = (error: ProvisioningError, context: AdviceContext = {}): string | undefined => {
  switch (error._tag) {
    case 'AirbyteFailure':
      return error.step.startsWith('create workspace') && error.error._tag === 'AirbyteUnauthorized'
        ? "This application may not create workspaces (AIRBYTE_WORKSPACE_MODE=per-data-product): its user needs organization_editor or more in Airbyte, or create the data product's workspace by hand."
        : airbyteAdvice(error.step, error.error, context);
    case 'StateConflict':
      // a job that did not succeed is no naming conflict: its reason is only in the job's logs
      return jobSteps.includes(error.step)
        ? "Read why the job did not succeed in its logs in the Airbyte UI (Airbyte's public API does not give the reason), fix the cause, then run the command again."
        : 'Resolve the conflict in Airbyte (rename or remove the resources named), then run the command again.';
    case 'StateUnavailable':
      return "The provisioner's database (DATABASE_URL) cannot be reached: run the command again once it is back.";
    case 'AccessNotReleased': {
      const cause = error.cause._tag === 'Unsupported' ? undefined : adviceFor(error.cause, context);
      return `${cause === undefined ? '' : `${cause} `}Then run the unprovision again: it finds the pipeline gone and releases the access that is left.`;
    }
    case 'InvalidRequest':
    case 'Unsupported':
    case 'UnknownTask':
    case 'Internal':
      return undefined;
  }
};
