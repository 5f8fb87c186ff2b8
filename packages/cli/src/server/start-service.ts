/**
 * The running server: the container with the HTTP module, the Koa app listening, and (with `--sandbox`)
 * the embedded sandbox Airbyte it talks to. `stop` is the graceful shutdown: no new connections, running
 * background operations get the grace period to finish, then everything closes. What is still running then
 * is abandoned (the caller ends the process): provision and unprovision are idempotent, so it can be sent
 * again.
 */
import type { Collaborators, RunningHttpServer } from '../collaborators/collaborators.js';
import type { AppConfig } from '../config/app-config.js';
import { withoutUserinfo } from '../config/env-value.codec.js';
import { buildContainer } from '../container/build-container.js';
import { httpModule } from '../container/http.module.js';
import { resolve } from '../container/resolve.js';
import { BackgroundWorkToken, HttpAppToken, PinoLoggerToken } from '../container/tokens.js';

export interface ServiceOptions {
  /** Start an embedded sandbox Airbyte and use it instead of the configured one. */
  readonly sandbox?: { readonly latencyMs?: number };
}

export interface RunningService {
  readonly url: string;
  readonly sandboxUrl?: string;
  /**
   * Resolves once shut down; `drained` is false when the grace period ran out first, and then the caller
   * must end the process: the abandoned operations would otherwise keep it alive.
   */
  readonly stop: () => Promise<{ readonly drained: boolean }>;
}

const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

export const SANDBOX_WARNING =
  'SANDBOX MODE: Airbyte is an in-memory sandbox embedded in this process. NOTHING REAL IS DEPLOYED, and everything is lost on exit.';

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
        };
  const container = buildContainer(collaborators, effective, { logFd: 1 }, [httpModule()]);
  const logger = resolve(container, PinoLoggerToken);
  const background = resolve(container, BackgroundWorkToken);
  if (sandbox !== undefined) logger.warn({ sandboxUrl: sandbox.url }, SANDBOX_WARNING);
  let http: RunningHttpServer;
  try {
    http = await collaborators.startHttpServer(resolve(container, HttpAppToken), {
      port: effective.server.port,
      host: effective.server.host,
    });
  } catch (error) {
    // a listening sandbox would keep the process alive after the failure is reported
    await sandbox?.close();
    throw error;
  }
  logger.info(
    {
      url: http.url,
      provisionMode: effective.server.provisionMode,
      // the configuration refuses userinfo; an embedder's own AppConfig may still carry one
      airbyte: effective.airbyte === undefined ? undefined : withoutUserinfo(effective.airbyte.apiUrl),
      auth: effective.server.apiToken === undefined ? 'none' : 'bearer',
    },
    'airbyte-provisioner is listening',
  );
  let stopping: Promise<{ readonly drained: boolean }> | undefined;
  const stop = (): Promise<{ readonly drained: boolean }> => {
    stopping ??= (async () => {
      logger.info(
        { running: background.running(), graceMs: effective.server.shutdownGraceMs },
        'shutting down: accepting no new connections, letting running operations finish',
      );
      const closed = http.close();
      const drained = await Promise.race([
        background.drain().then(() => true),
        delay(effective.server.shutdownGraceMs).then(() => false),
      ]);
      if (drained) logger.info({}, 'every running operation has finished');
      else {
        const abandoned = background.running();
        logger.warn(
          { abandoned, graceMs: effective.server.shutdownGraceMs },
          `grace period over: abandoning ${abandoned} running operation${abandoned === 1 ? '' : 's'}; ` +
            'their status is lost, and each can be sent again (provision and unprovision are idempotent)',
        );
      }
      // open keep-alive connections must not hold the exit back past the grace period
      await Promise.race([closed, delay(1000)]);
      await sandbox?.close();
      return { drained };
    })();
    return stopping;
  };
  return { url: http.url, ...(sandbox === undefined ? {} : { sandboxUrl: sandbox.url }), stop };
};
