/**
 * What the composition root takes from the other packages' entry points, typed by what it needs. The
 * commands and modules depend on these shapes only, so each package's own types are checked against
 * them in one place (`load-collaborators.ts`).
 */
import type { HttpAppOptions, HttpMetrics, startHttpServer } from '@airbyte-provisioner/adapter-http';
import type { CoreDeps, Problem, ProvisioningRequest, UseCases } from '@airbyte-provisioner/core';
import type * as E from 'fp-ts/lib/Either.js';

/** Every use case, as the core's `makeUseCases` builds them: the commands call four, the HTTP app all. */
export type { UseCases, HttpAppOptions };

/** What the server needs of a listening HTTP server. */
export interface RunningHttpServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

export type Metrics = HttpMetrics;

/** The Koa application the HTTP adapter builds. */
export type HttpApp = Parameters<typeof startHttpServer>[0];

export interface SandboxOptions {
  readonly port?: number;
  readonly host?: string;
  readonly latencyMs?: number;
  readonly users?: ReadonlyArray<string>;
  readonly rbac?: boolean;
}

export interface RunningSandbox {
  readonly url: string;
  readonly workspaceId: string;
  /** For AIRBYTE_ORGANIZATION_ID (updateacl); absent from stand-ins. */
  readonly organizationId?: string;
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
