/**
 * Binds the HTTP adapter: the metrics (fed by every Airbyte call, through the gateway's listener) and the
 * Koa application over the core's use cases.
 */
import { ContainerModule } from 'inversify';
import type { Logger as PinoLogger } from 'pino';
import type { Collaborators, HttpApp, Metrics, UseCases } from '../collaborators/collaborators.js';
import type { AppConfig } from '../config/app-config.js';
import { bindPort } from './resolve.js';
import {
  AirbyteCallListenerToken,
  CollaboratorsToken,
  ConfigToken,
  HttpAppToken,
  MetricsToken,
  PinoLoggerToken,
  StateStoreToken,
  UseCasesToken,
} from './tokens.js';
import type { StateStore } from '../state/state-store.js';

const makeApp = (
  collaborators: Collaborators,
  config: AppConfig,
  useCases: UseCases,
  logger: PinoLogger,
  metrics: Metrics,
  state: StateStore,
): HttpApp =>
  collaborators.createHttpApp({
    stateReadiness: state.readiness,
    useCases,
    provisionMode: config.server.provisionMode,
    logger,
    metrics,
    ...(config.server.apiToken === undefined ? {} : { apiToken: config.server.apiToken }),
    ...(config.server.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: config.server.bodyLimitBytes }),
  });

export const httpModule = (): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindPort(bind, MetricsToken)
      .toResolvedValue((collaborators: Collaborators) => collaborators.createMetrics(), [CollaboratorsToken])
      .inSingletonScope();
    bindPort(bind, AirbyteCallListenerToken)
      .toResolvedValue((metrics: Metrics) => (event) => metrics.recordAirbyteCall(event), [MetricsToken])
      .inSingletonScope();
    bindPort(bind, HttpAppToken)
      .toResolvedValue(makeApp, [
        CollaboratorsToken,
        ConfigToken,
        UseCasesToken,
        PinoLoggerToken,
        MetricsToken,
        StateStoreToken,
      ])
      .inSingletonScope();
  });
