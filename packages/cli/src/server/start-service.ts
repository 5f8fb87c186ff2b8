/**
 * The running server: the container with the HTTP module, the Koa app listening, and (with `--sandbox`)
 * the embedded sandbox Airbyte it talks to. `stop` is the graceful shutdown: no new connections, running
 * operations (in the background, or inside their request in sync mode) and requests in flight get the grace
 * period to finish, then everything closes, the connections still open included. What is still running then
 * is abandoned (the caller ends the process): provision and unprovision are idempotent, so it can be sent
 * again.
 */
import type { Logger as PinoLogger } from 'pino';
import type { Task } from 'fp-ts/lib/Task.js';
import type { BackgroundWork } from '@airbyte-provisioner/core';
import type { Collaborators, RunningHttpServer } from '../collaborators/collaborators.js';
import type { AppConfig } from '../config/app-config.js';
import { withoutUserinfo } from '../config/env-value.codec.js';
import { buildContainer } from '../container/build-container.js';
import { httpModule } from '../container/http.module.js';
import { resolve } from '../container/resolve.js';
import { BackgroundWorkToken, HttpAppToken, PinoLoggerToken, StateStoreToken } from '../container/tokens.js';
import type { StateStore } from '../state/state-store.js';

export interface ServiceOptions {
  /** Start an embedded sandbox Airbyte and use it instead of the configured one. */
  readonly sandbox?: { readonly latencyMs?: number };
}

export interface RunningService {
  readonly url: string;
  readonly sandboxUrl?: string;
  /**
   * Resolves once shut down, within the grace period and a second; `drained` is false when the grace period
   * ran out first (operations or requests still running), and then the caller must end the process: the
   * abandoned operations would otherwise keep it alive.
   */
  readonly stop: () => Promise<{ readonly drained: boolean }>;
}

const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

export const SANDBOX_WARNING =
  'SANDBOX MODE: Airbyte is an in-memory sandbox embedded in this process. NOTHING REAL IS DEPLOYED, and everything is lost on exit.';

interface Started {
  readonly effective: AppConfig;
  readonly log: PinoLogger;
  readonly background: BackgroundWork;
  readonly http: RunningHttpServer;
  readonly state: StateStore;
}

/** How long the connections dropped after the grace period may take to go. */
const CLOSE_CAP_MS = 1000;

const ignore = (): void => {};

/**
 * The use cases, with the operations a request runs to its end (provision and unprovision in sync mode,
 * the ACL update) counted as background work: the shutdown waits for them, and counts them, as it does
 * the operations started in the background.
 */
const tracked = (collaborators: Collaborators): Collaborators => ({
  ...collaborators,
  makeUseCases: (deps) => {
    const useCases = collaborators.makeUseCases(deps);
    const track =
      <A>(work: Task<A>): Task<A> =>
      () => {
        const outcome = Promise.resolve().then(work);
        // counted until it settles; a failure is the request's to report
        deps.background.spawn(() => outcome.then(ignore, ignore));
        return outcome;
      };
    return {
      ...useCases,
      provision: (request, context) => track(useCases.provision(request, context)),
      unprovision: (request, context) => track(useCases.unprovision(request, context)),
      updateAcl: (request) => track(useCases.updateAcl(request)),
    };
  },
});

/** The warning once the grace period is over: what was abandoned. */
const abandonment = (abandoned: number, connectionsOpen: boolean): string =>
  `grace period over: ${[
    ...(abandoned === 0
      ? []
      : [
          `abandoning ${abandoned} running operation${abandoned === 1 ? '' : 's'}; ` +
            'their status is lost, and each can be sent again (provision and unprovision are idempotent)',
        ]),
    ...(connectionsOpen ? ['dropping the connections still open, their requests unanswered'] : []),
  ].join('; ')}`;

export const startService = async (
  collaborators: Collaborators,
  config: AppConfig,
  options: ServiceOptions = {},
): Promise<RunningService> => {
  const sandbox =
    options.sandbox === undefined
      ? undefined
      : await collaborators.startAirbyteSandbox({
          host: '127.0.0.1',
          ...(options.sandbox.latencyMs === undefined ? {} : { latencyMs: options.sandbox.latencyMs }),
        });
  // a sandbox left listening would keep the process alive after a failure is reported; and a sandbox that
  // fails to close must not turn a shutdown into a failure
  const closeSandbox = async (reportTo: PinoLogger | undefined): Promise<void> => {
    try {
      await sandbox?.close();
    } catch (error) {
      reportTo?.error({ err: error }, 'could not close the embedded sandbox Airbyte');
    }
  };
  let logger: PinoLogger | undefined;
  let started: Started;
  let state: StateStore | undefined;
  try {
    const effective: AppConfig =
      sandbox === undefined
        ? config
        : {
            ...config,
            airbyte: {
              apiUrl: sandbox.url,
              workspaceId: sandbox.workspaceId,
              auth: { type: 'clientCredentials', ...sandbox.credentials },
            },
            // per-data-product workspaces are created in the sandbox's own organization
            ...(config.perDataProduct === undefined
              ? {}
              : {
                  perDataProduct: {
                    template: config.perDataProduct.template,
                    ...(sandbox.organizationId === undefined
                      ? {}
                      : { organizationId: sandbox.organizationId }),
                  },
                }),
          };
    const container = await buildContainer(tracked(collaborators), effective, { logFd: 1 }, [httpModule()]);
    logger = resolve(container, PinoLoggerToken);
    const background = resolve(container, BackgroundWorkToken);
    if (sandbox !== undefined) logger.warn({ sandboxUrl: sandbox.url }, SANDBOX_WARNING);
    state = resolve(container, StateStoreToken);
    // PostgreSQL: migrated before the first request (or, with the database down, not ready until it is)
    await state.start();
    const http = await collaborators.startHttpServer(resolve(container, HttpAppToken), {
      port: effective.server.port,
      host: effective.server.host,
    });
    started = { effective, log: logger, background, http, state };
  } catch (error) {
    await state?.stop();
    await closeSandbox(logger);
    throw error;
  }
  const { effective, log, background, http } = started;
  log.info(
    {
      url: http.url,
      provisionMode: effective.server.provisionMode,
      // the configuration refuses userinfo; an embedder's own AppConfig may still carry one
      airbyte: effective.airbyte === undefined ? undefined : withoutUserinfo(effective.airbyte.apiUrl),
      auth: effective.server.apiToken === undefined ? 'none' : 'bearer',
      state: started.state.description,
    },
    'airbyte-provisioner is listening',
  );
  const graceMs = effective.server.shutdownGraceMs;
  let stopping: Promise<{ readonly drained: boolean }> | undefined;
  const stop = (): Promise<{ readonly drained: boolean }> => {
    stopping ??= (async () => {
      log.info(
        { running: background.running(), graceMs },
        'shutting down: accepting no new connections, letting running operations finish',
      );
      // resolves once every connection has ended: every request in flight answered
      let connectionsOpen = true;
      const closed = http.close().then(() => {
        connectionsOpen = false;
      });
      await Promise.race([Promise.all([background.drain(), closed]), delay(graceMs)]);
      const abandoned = background.running();
      const drained = abandoned === 0 && !connectionsOpen;
      if (drained) log.info({}, 'every running operation has finished');
      else {
        log.warn({ abandoned, connectionsOpen, graceMs }, abandonment(abandoned, connectionsOpen));
        // closing again drops the connections still open (a request running a sync operation, a client
        // that sent half a request): they must not hold the shutdown past the grace period
        await Promise.race([http.close(), delay(CLOSE_CAP_MS)]);
      }
      // leases released and the pool closed once nothing runs (or the grace period is over)
      await started.state.stop();
      await closeSandbox(log);
      return { drained };
    })();
    return stopping;
  };
  return { url: http.url, ...(sandbox === undefined ? {} : { sandboxUrl: sandbox.url }), stop };
};
