/**
 * Tokens of what the composition root binds beside the core's ports. Typed like the core's (`PortToken`),
 * so `resolve(container, token)` hands back the right type.
 */
import type { AirbyteCallEvent } from '@airbyte-provisioner/adapter-airbyte';
import {
  portToken,
  type AirbyteGateway,
  type BackgroundWorkRunner,
  type CoreDeps,
  type Logger,
} from '@airbyte-provisioner/core';
import type { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import type { Progress } from '../output/progress.js';
import type { Collaborators, HttpApp, Metrics, UseCases } from '../collaborators/collaborators.js';
import type { StateStore } from '../state/state-store.js';

/** How this process runs, beside the configuration: where logs go, where deployment records are kept. */
export interface RuntimeOptions {
  /** 1 for the server (logs are its output), 2 for commands (stdout is theirs). */
  readonly logFd: 1 | 2;
  /** The CLI's `--state <file>`; absent: records live in memory for the life of the process. */
  readonly stateFile?: string;
}

export const ConfigToken = portToken<AppConfig>('cli/Config');
export const RuntimeToken = portToken<RuntimeOptions>('cli/Runtime');
export const PinoLoggerToken = portToken<PinoLogger>('cli/PinoLogger');
export const BackgroundWorkToken = portToken<BackgroundWorkRunner>('cli/BackgroundWork');
export const CoreDepsToken = portToken<CoreDeps>('cli/CoreDeps');
/** The Airbyte gateway writing its log lines through one operation's logger (`CoreDeps.gatewayFor`). */
export const AirbyteGatewayForLoggerToken = portToken<(logger: Logger) => AirbyteGateway>(
  'cli/AirbyteGatewayForLogger',
);
/** The Airbyte gateway scoped to one workspace, per logger (`DataProductWorkspaces.gatewayIn`). */
export const AirbyteGatewayInWorkspaceToken = portToken<
  (workspaceId: string) => (logger: Logger) => AirbyteGateway
>('cli/AirbyteGatewayInWorkspace');
/** Told of every HTTP exchange with Airbyte (the HTTP module feeds it to the metrics). */
export const AirbyteCallListenerToken =
  portToken<(event: AirbyteCallEvent) => void>('cli/AirbyteCallListener');
/** Bound by commands that show progress: the Airbyte gateway then reports each call as a step. */
export const ProgressToken = portToken<Progress>('cli/Progress');
export const CollaboratorsToken = portToken<Collaborators>('cli/Collaborators');
export const UseCasesToken = portToken<UseCases>('cli/UseCases');
export const MetricsToken = portToken<Metrics>('cli/Metrics');
export const HttpAppToken = portToken<HttpApp>('cli/HttpApp');
/** Where state is kept (in memory unless DATABASE_URL is set), for start-up, `/ready` and shutdown. */
export const StateStoreToken = portToken<StateStore>('cli/StateStore');
