/**
 * Binds the Airbyte port: the public-API gateway when Airbyte is configured, else one that says it is not;
 * and the gateway for one operation's logger (`CoreDeps.gatewayFor`): the same gateway logging through it.
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
  ConfigToken,
  ProgressToken,
} from './tokens.js';
import { unconfiguredAirbyteGateway } from './unconfigured-airbyte-gateway.js';

type GatewayFor = (logger: Logger) => AirbyteGateway;

const makeGatewayFor = (
  config: AppConfig,
  logger: Logger,
  onCall: ((event: AirbyteCallEvent) => void) | undefined,
): GatewayFor => {
  const airbyte = config.airbyte;
  if (airbyte === undefined) return () => unconfiguredAirbyteGateway;
  const gateway = makeAirbytePublicApiGateway({
    baseUrl: airbyte.apiUrl,
    workspaceId: airbyte.workspaceId,
    auth: airbyte.auth,
    logger,
    ...(airbyte.timeoutMs === undefined ? {} : { timeoutMs: airbyte.timeoutMs }),
    ...(airbyte.maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls: airbyte.maxConcurrentCalls }),
    ...(onCall === undefined ? {} : { onCall }),
  });
  return (scoped) => (scoped === logger ? gateway : gateway.withLogger(scoped));
};

const makeObservedGatewayFor = (
  config: AppConfig,
  logger: Logger,
  onCall: ((event: AirbyteCallEvent) => void) | undefined,
  progress: Progress | undefined,
): GatewayFor => {
  const gatewayFor = makeGatewayFor(config, logger, onCall);
  return progress === undefined ? gatewayFor : (scoped) => withProgress(gatewayFor(scoped), progress);
};

export const airbyteModule = (): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindPort(bind, AirbyteGatewayForLoggerToken)
      .toResolvedValue(makeObservedGatewayFor, [
        ConfigToken,
        LoggerToken,
        { serviceIdentifier: AirbyteCallListenerToken, optional: true },
        { serviceIdentifier: ProgressToken, optional: true },
      ])
      .inSingletonScope();
    bindPort(bind, AirbyteGatewayToken)
      .toResolvedValue(
        (gatewayFor: GatewayFor, logger: Logger) => gatewayFor(logger),
        [AirbyteGatewayForLoggerToken, LoggerToken],
      )
      .inSingletonScope();
  });
