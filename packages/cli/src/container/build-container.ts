/**
 * The composition root: the configuration and runtime options as constants, then one module per package.
 * The server adds the HTTP module; commands that only talk to Airbyte do not need it.
 */
import { Container, type Bind, type ContainerModule } from 'inversify';
import type { AppConfig } from '../config/app-config.js';
import { airbyteModule } from './airbyte.module.js';
import { coreModule } from './core.module.js';
import { postgresStateModule } from './postgres-state.module.js';
import { bindPort } from './resolve.js';
import type { Collaborators } from '../collaborators/collaborators.js';
import { CollaboratorsToken, ConfigToken, RuntimeToken, type RuntimeOptions } from './tokens.js';

export const buildContainer = (
  collaborators: Collaborators,
  config: AppConfig,
  runtime: RuntimeOptions,
  extraModules: ReadonlyArray<ContainerModule> = [],
): Container => {
  const container = new Container({ defaultScope: 'Singleton' });
  const bind: Bind = (token) => container.bind(token);
  bindPort(bind, ConfigToken).toConstantValue(config);
  bindPort(bind, RuntimeToken).toConstantValue(runtime);
  bindPort(bind, CollaboratorsToken).toConstantValue(collaborators);
  container.load(
    coreModule(),
    airbyteModule(),
    ...(config.state === undefined ? [] : [postgresStateModule(config.state)]),
    ...extraModules,
  );
  return container;
};
