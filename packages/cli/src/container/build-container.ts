/**
 * The composition root: the configuration and runtime options as constants, then one module per package.
 * The server adds the HTTP module; commands that only talk to Airbyte do not need it.
 */
import { Container, type Bind, type ContainerModule } from 'inversify';
import type { AppConfig } from '../config/app-config.js';
import { airbyteModule } from './airbyte.module.js';
import { coreModule } from './core.module.js';
import { bindPort } from './resolve.js';
import type { Collaborators } from '../collaborators/collaborators.js';
import { CollaboratorsToken, ConfigToken, RuntimeToken, type RuntimeOptions } from './tokens.js';

/**
 * Asynchronous because the PostgreSQL state module (and with it `pg`) is imported only when `DATABASE_URL`
 * configures it: loading `pg` costs a fifth of the server's start-up (BENCHMARKS.md, start-up), for
 * nothing when the state is kept in memory.
 */
export const buildContainer = async (
  collaborators: Collaborators,
  config: AppConfig,
  runtime: RuntimeOptions,
  extraModules: ReadonlyArray<ContainerModule> = [],
): Promise<Container> => {
  const container = new Container({ defaultScope: 'Singleton' });
  const bind: Bind = (token) => container.bind(token);
  bindPort(bind, ConfigToken).toConstantValue(config);
  bindPort(bind, RuntimeToken).toConstantValue(runtime);
  bindPort(bind, CollaboratorsToken).toConstantValue(collaborators);
  const stateModules =
    config.state === undefined
      ? []
      : [(await import('./postgres-state.module.js')).postgresStateModule(config.state)];
  container.load(coreModule(), airbyteModule(), ...stateModules, ...extraModules);
  return container;
};
