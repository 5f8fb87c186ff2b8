/**
 * Binds the Airbyte port: the public-API gateway when Airbyte is configured, else one that says it is not;
 * and the gateway for one operation's logger (`CoreDeps.gatewayFor`): the same gateway logging through it;
 * in per-data-product mode, the same gateway scoped to a data product's workspace (`gatewayIn`).
 */
import { ContainerModule } from 'inversify';
import { makeAirbytePublicApiGateway, type AirbyteCallEvent } from '@airbyte-provisioner/adapter-airbyte';
import {
  AirbyteGatewayToken,
  LoggerToken,
  type AirbyteGateway,
  type Logger,
} from '@airbyte-provisioner/core';
import type { AppConfig } from '../config/app-config.js';
import { bindPort } from './resolve.js';
import { withProgress } from '../output/progress-gateway.js';
import type { Progress } from '../output/progress.js';
import {
  AirbyteCallListenerToken,
  AirbyteGatewayForLoggerToken,
  AirbyteGatewayInWorkspaceToken,
  ConfigToken,
  ProgressToken,
} from './tokens.js';
import { unconfiguredAirbyteGateway } from './unconfigured-airbyte-gateway.js';

type GatewayFor = (logger: Logger) => AirbyteGateway;
type GatewayIn = (workspaceId: string) => GatewayFor;

/** One gateway (one token, one limit on calls in flight) for every workspace and every logger. */
const makeGatewayIn = (
  config: AppConfig,
  logger: Logger,
  onCall: ((event: AirbyteCallEvent) => void) | undefined,
): GatewayIn => {
  const airbyte = config.airbyte;
  if (airbyte === undefined) return () => () => unconfiguredAirbyteGateway;
  const gateway = makeAirbytePublicApiGateway({
    baseUrl: airbyte.apiUrl,
    workspaceId: airbyte.workspaceId,
    auth: airbyte.auth,
    logger,
    ...(airbyte.timeoutMs === undefined ? {} : { timeoutMs: airbyte.timeoutMs }),
    ...(airbyte.maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls: airbyte.maxConcurrentCalls }),
    ...(onCall === undefined ? {} : { onCall }),
  });
  return (workspaceId) => {
    const inWorkspace = workspaceId === airbyte.workspaceId ? gateway : gateway.forWorkspace(workspaceId);
    return (scoped) => (scoped === logger ? inWorkspace : inWorkspace.withLogger(scoped));
  };
};

const makeObservedGatewayIn = (
  config: AppConfig,
  logger: Logger,
  onCall: ((event: AirbyteCallEvent) => void) | undefined,
  progress: Progress | undefined,
): GatewayIn => {
  const gatewayIn = makeGatewayIn(config, logger, onCall);
  return progress === undefined
    ? gatewayIn
    : (workspaceId) => (scoped) => withProgress(gatewayIn(workspaceId)(scoped), progress);
};

export const airbyteModule = (): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindPort(bind, AirbyteGatewayInWorkspaceToken)
      .toResolvedValue(makeObservedGatewayIn, [
        ConfigToken,
        LoggerToken,
        { serviceIdentifier: AirbyteCallListenerToken, optional: true },
        { serviceIdentifier: ProgressToken, optional: true },
      ])
      .inSingletonScope();
    bindPort(bind, AirbyteGatewayForLoggerToken)
      .toResolvedValue(
        (config: AppConfig, gatewayIn: GatewayIn) => gatewayIn(config.airbyte?.workspaceId ?? ''),
        [ConfigToken, AirbyteGatewayInWorkspaceToken],
      )
      .inSingletonScope();
    bindPort(bind, AirbyteGatewayToken)
      .toResolvedValue(
        (gatewayFor: GatewayFor, logger: Logger) => gatewayFor(logger),
        [AirbyteGatewayForLoggerToken, LoggerToken],
      )
      .inSingletonScope();
  });
