/** Binds the Airbyte port: the public-API gateway when Airbyte is configured, else one that says it is not. */
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
import { AirbyteCallListenerToken, ConfigToken, ProgressToken } from './tokens.js';
import { unconfiguredAirbyteGateway } from './unconfigured-airbyte-gateway.js';

const makeGateway = (
  config: AppConfig,
  logger: Logger,
  onCall: ((event: AirbyteCallEvent) => void) | undefined,
): AirbyteGateway => {
  const airbyte = config.airbyte;
  if (airbyte === undefined) return unconfiguredAirbyteGateway;
  return makeAirbytePublicApiGateway({
    baseUrl: airbyte.apiUrl,
    workspaceId: airbyte.workspaceId,
    auth: airbyte.auth,
    logger,
    ...(airbyte.timeoutMs === undefined ? {} : { timeoutMs: airbyte.timeoutMs }),
    ...(airbyte.maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls: airbyte.maxConcurrentCalls }),
    ...(onCall === undefined ? {} : { onCall }),
  });
};

const makeObservedGateway = (
  config: AppConfig,
  logger: Logger,
  onCall: ((event: AirbyteCallEvent) => void) | undefined,
  progress: Progress | undefined,
): AirbyteGateway => {
  const gateway = makeGateway(config, logger, onCall);
  return progress === undefined ? gateway : withProgress(gateway, progress);
};

export const airbyteModule = (): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindPort(bind, AirbyteGatewayToken)
      .toResolvedValue(makeObservedGateway, [
        ConfigToken,
        LoggerToken,
        { serviceIdentifier: AirbyteCallListenerToken, optional: true },
        { serviceIdentifier: ProgressToken, optional: true },
      ])
      .inSingletonScope();
  });
