/**
 * What the composition root takes from the other packages' entry points, typed by what it needs. The
 * commands and modules depend on these shapes only, so each package's own types are checked against
 * them in one place (`load-collaborators.ts`).
 */
import type { AirbyteCallEvent } from '@airbyte-provisioner/adapter-airbyte';
import type { CoreDeps, Problem, ProvisioningRequest, UseCases } from '@airbyte-provisioner/core';
import type * as E from 'fp-ts/lib/Either.js';
import type { Logger as PinoLogger } from 'pino';
import type { ProvisionMode } from '../config/app-config.js';

/** Every use case, as the core's `makeUseCases` builds them: the commands call four, the HTTP app all. */
export type { UseCases };

export interface Metrics {
  readonly recordAirbyteCall: (event: AirbyteCallEvent) => void;
}

/** The Koa application, opaque here: only `startHttpServer` looks inside. */
export type HttpApp = object;

export interface HttpAppOptions {
  readonly useCases: UseCases;
  readonly provisionMode: ProvisionMode;
  readonly apiToken?: string;
  readonly bodyLimitBytes?: number;
  readonly logger: PinoLogger;
  readonly metrics?: Metrics;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

export interface SandboxOptions {
  readonly port?: number;
  readonly host?: string;
  readonly latencyMs?: number;
}

export interface RunningSandbox {
  readonly url: string;
  readonly workspaceId: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  readonly close: () => Promise<void>;
}

export interface Collaborators {
  readonly makeUseCases: (deps: CoreDeps) => UseCases;
  readonly parseRequestFile: (text: string) => E.Either<ReadonlyArray<Problem>, ProvisioningRequest>;
  readonly createHttpApp: (options: HttpAppOptions) => HttpApp;
  readonly createMetrics: () => Metrics;
  readonly startHttpServer: (
    app: HttpApp,
    options: { readonly port: number; readonly host: string },
  ) => Promise<RunningHttpServer>;
  readonly startAirbyteSandbox: (options: SandboxOptions) => Promise<RunningSandbox>;
}
